package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the README and of {@code docs/} compiles against the real modules, with the
 * annotation processor running on it, so the guide cannot drift from the code. The rules for writers are in
 * {@code docs/README.md}: a block that declares a type is a compilation unit; any other block is a method body
 * that may use the variables {@link #CONTEXT} declares; the packages in {@link #IMPORTS} are imported.
 */
class DocsCompileTest {

    /** Imported into every block, so snippets need not repeat them. */
    static final List<String> IMPORTS = List.of("io.genja", "io.genja.annotations", "io.genja.task",
            "io.genja.inventory", "io.genja.connection", "io.genja.plugin", "io.genja.settings", "io.genja.cli",
            "io.genja.ssh", "io.genja.testkit", "org.junit.jupiter.api", "org.junit.jupiter.api.extension",
            "java.nio.file", "java.time", "java.util", "java.util.concurrent");

    /** What a statement block may use without declaring it; a block may also declare its own. */
    static final String CONTEXT = """
                Inventory inventory;
                Settings settings;
                PluginManager plugins;
                Genja genja;
                TaskResults results;
                Host host;
                TaskRuntimeContext context;
            """;

    /** A block whose first line declares a member (a method, usually {@code @Override}): it goes in a class body. */
    private static final Pattern MEMBER_START = Pattern.compile("^\\s*(?:/\\*\\*.*|@Override\\b.*|(?:public|protected|private) .*)");
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?m)^(?:public |final |abstract |sealed |non-sealed |static )*(class|interface|record|enum|@interface) (\\w+)");
    /** A line that starts a top-level declaration: an annotation, a modifier or a type keyword at column 0. */
    private static final Pattern TYPE_START = Pattern.compile(
            "(?:@\\w|public |final |abstract |sealed |non-sealed |class |interface |record |enum |/\\*\\*)");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^(?:public )(?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) (\\w+)");

    private static Path root;

    @BeforeAll
    static void findRoot() {
        root = DocsRoot.find();
    }

    /**
     * Each page is compiled on its own (a page is one story: its task names must be unique, not those of the whole
     * guide), against the modules' jars but not this module's own classes, whose task names would clash.
     */
    @Test
    void everyJavaSnippetCompiles(@TempDir Path out) throws IOException, URISyntaxException {
        String classPath = docsClassPath();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> errors = new ArrayList<>();
        int compiled = 0;
        for (Path page : pages()) {
            List<MarkdownSnippets.Snippet> snippets = MarkdownSnippets.read(page);
            List<String> pagePackages = snippets.stream().map(DocsCompileTest::packageOf).toList();
            List<Unit> units = new ArrayList<>();
            for (MarkdownSnippets.Snippet snippet : snippets) {
                units.addAll(Unit.of(snippet, packageOf(snippet), pagePackages));
            }
            if (units.isEmpty()) {
                continue;
            }
            compiled += snippets.size();
            Path classes = Files.createDirectories(out.resolve(packageOf(snippets.get(0))));
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> options = List.of("-d", classes.toString(), "-classpath", classPath, "--release", "17",
                    "-Xlint:none");
            javac.getTask(new StringWriter(), null, diagnostics, options, null, units).call();
            diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> (d.getSource() instanceof Unit unit ? unit.where(d) : String.valueOf(d.getSource()))
                            + ": " + d.getMessage(Locale.ROOT))
                    .forEach(errors::add);
        }
        assertThat(compiled).as("Java snippets in README.md and docs/").isPositive();
        assertThat(errors).as("compile errors in the docs' Java snippets").isEmpty();
    }

    /**
     * The test class path without this module's own classes, plus the jars named by {@code genja.docs.classpath}:
     * modules the docs show but the example app does not ship (genja-netconf), kept off the tests' own class path.
     */
    private static String docsClassPath() throws URISyntaxException {
        List<Path> own = List.of(
                Path.of(DocsCompileTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                Path.of(io.genja.examples.tasks.BackupConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        String docsOnly = System.getProperty("genja.docs.classpath", "");
        return Stream.concat(Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(entry -> own.stream().noneMatch(path -> path.equals(Path.of(entry).toAbsolutePath()))),
                        Stream.of(docsOnly.split(File.pathSeparator)).filter(entry -> !entry.isBlank()))
                .collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void everyLinkToAPageLeadsToAPage() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String link : MarkdownSnippets.localLinks(page)) {
                if (!Files.isRegularFile(page.getParent().resolve(link))) {
                    broken.add(root.relativize(page) + " links to " + link + ", which does not exist");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static List<Path> pages() throws IOException {
        return DocsRoot.pages(root);
    }

    /** {@code docs/tasks.md} line 40 → {@code docs.tasks.line40}: one package per block, so names may repeat. */
    private static String packageOf(MarkdownSnippets.Snippet snippet) {
        String page = root.relativize(snippet.file()).toString().replaceAll("\\.md$", "")
                .replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
        return "docs." + page + ".line" + snippet.firstLine();
    }

    /** One block as a Java source, remembering how to map its lines back to the Markdown file. */
    static final class Unit extends SimpleJavaFileObject {
        private final MarkdownSnippets.Snippet snippet;
        private final String source;
        private final int linesBefore;

        private Unit(MarkdownSnippets.Snippet snippet, String fileName, String source, int linesBefore) {
            super(URI.create("string:///" + fileName), Kind.SOURCE);
            this.snippet = snippet;
            this.source = source;
            this.linesBefore = linesBefore;
        }

        /**
         * The block as compilation units: a statement block wrapped in a method; a block of types split into one
         * file per top-level type (so that several public types may share a block).
         */
        static List<Unit> of(MarkdownSnippets.Snippet snippet, String pkg, List<String> pagePackages) {
            // Line 1 holds the package and every import, so the block's own lines keep their numbers.
            StringBuilder first = new StringBuilder("package " + pkg + ";");
            // a package that is not on the class path (a module not built yet) has nothing to import
            IMPORTS.stream().filter(p -> p.startsWith("java.")
                            || DocsCompileTest.class.getClassLoader().getResource(p.replace('.', '/')) != null)
                    .forEach(p -> first.append(" import ").append(p).append(".*;"));
            pagePackages.stream().filter(p -> !p.equals(pkg)).forEach(p -> first.append(" import ").append(p).append(".*;"));
            String code = Pattern.compile("(?m)^(?:import (?:static )?[\\w.*]+;|package [\\w.]+;)").matcher(snippet.code())
                    .replaceAll(match -> {
                        if (match.group().startsWith("import")) {
                            first.append(' ').append(match.group());
                        }
                        return "";
                    });
            String path = pkg.replace('.', '/') + "/";
            if (!TYPE_DECLARATION.matcher(code).find() && MEMBER_START.matcher(code.strip()).lookingAt()) {
                // @Override needs a supertype; a blank keeps the line numbers
                String members = code.replaceAll("(?m)^(\\s*)@Override\\b", "$1");
                return List.of(new Unit(snippet, path + "Snippet.java", first + "\nabstract class Snippet {\n" + CONTEXT
                        + members + "\n}\n", 2 + (int) CONTEXT.lines().count()));
            }
            if (!TYPE_DECLARATION.matcher(code).find()) {
                String wrapper = "class Snippet {\n" + CONTEXT + "void snippet() throws Exception {\n";
                return List.of(new Unit(snippet, path + "Snippet.java", first + "\n" + wrapper + code + "\n}\n}\n",
                        1 + (int) wrapper.lines().count()));
            }
            List<Unit> units = new ArrayList<>();
            List<String> lines = code.lines().toList();
            int start = 0;
            int depth = 0;
            boolean typeSeen = false;
            for (int i = 0; i <= lines.size(); i++) {
                String line = i < lines.size() ? lines.get(i) : null;
                boolean split = line == null || depth == 0 && typeSeen && TYPE_START.matcher(line).lookingAt();
                if (split) {
                    String chunk = String.join("\n", lines.subList(start, i));
                    Matcher publicType = PUBLIC_TYPE.matcher(chunk);
                    String name = publicType.find() ? publicType.group(1) : "Snippet" + start;
                    units.add(new Unit(snippet, path + name + ".java", first + "\n" + "\n".repeat(start) + chunk + "\n", 1));
                    start = i;
                    typeSeen = false;
                }
                if (line != null) {
                    typeSeen |= TYPE_DECLARATION.matcher(line).lookingAt();
                    depth += (int) line.chars().filter(c -> c == '{').count() - (int) line.chars().filter(c -> c == '}').count();
                }
            }
            return units;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
        }

        String where(Diagnostic<? extends JavaFileObject> diagnostic) {
            long line = diagnostic.getLineNumber() - linesBefore + snippet.firstLine() - 1;
            return root.relativize(snippet.file()) + ":" + line;
        }
    }
}
