package io.genja.textfsm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A templates directory with its {@code index} file, as ntc-templates lays it out and textfsm's {@code clitable}
 * reads it: a header line naming the columns ({@code Template, Hostname, Platform, Command}), then one row per
 * template, commas between cells; lines starting with {@code #} are comments and rows with another number of cells
 * are skipped. Every cell but {@code Template} is a regex that must match the start of the attribute
 * ({@code Platform}, {@code Command}); in {@code Command}, {@code sh[[ow]]} also accepts every abbreviation
 * ({@code sh}, {@code sho}, {@code show}). The first row that matches wins. {@code Template} may name several
 * templates separated by {@code :}; the first is the one used here.
 *
 * <p>Thread-safe; templates are compiled on first use and kept.
 */
public final class TemplateIndex {

    /** The file name ntc-templates gives its index. */
    public static final String INDEX_FILE = "index";
    private static final Pattern COMPLETION = Pattern.compile("\\[\\[(.+?)]]");

    private final Path directory;
    private final List<String> header;
    private final List<Row> rows;
    private final Map<String, TextFsmTemplate> templates = new ConcurrentHashMap<>();

    private record Row(String templates, Map<String, PythonRegex> matchers) {
    }

    private TemplateIndex(Path directory, List<String> header, List<Row> rows) {
        this.directory = directory;
        this.header = header;
        this.rows = rows;
    }

    /**
     * Reads {@code directory/index}.
     *
     * @throws IllegalArgumentException when the index has no {@code Template} column or a cell is not a valid regex
     *     (with the file and line)
     * @throws UncheckedIOException when it cannot be read
     */
    public static TemplateIndex load(Path directory) {
        Path file = directory.resolve(INDEX_FILE);
        List<String> lines;
        try {
            lines = PyText.fileLines(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TextFSM template index " + file + " (set "
                    + "parsing.templates_dir to a directory holding an ntc-templates style index): " + e, e);
        }
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (header == null) {
                String cells = line.split("#", -1)[0].strip();
                if (!cells.isEmpty()) {
                    header = cells(cells);
                    if (!header.contains("Template")) {
                        throw new IllegalArgumentException(file + ":" + (n + 1)
                                + ": the index has no Template column (its header: " + String.join(", ", header) + ")");
                    }
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() != header.size()) {
                continue;
            }
            rows.add(row(file, n + 1, header, cells));
        }
        if (header == null) {
            throw new IllegalArgumentException(file + ": the index is empty; it needs a header line such as "
                    + "\"Template, Hostname, Platform, Command\"");
        }
        return new TemplateIndex(directory, List.copyOf(header), List.copyOf(rows));
    }

    private static Row row(Path file, int line, List<String> header, List<String> cells) {
        String templates = null;
        Map<String, PythonRegex> matchers = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String cell = cells.get(i);
            if (column.equals("Template")) {
                templates = cell;
                continue;
            }
            if (column.equals("Command")) {
                cell = expandCompletions(cell);
            }
            if (!cell.isEmpty()) {
                try {
                    matchers.put(column, PythonRegex.compile(cell));
                } catch (PythonRegex.Invalid e) {
                    throw new IllegalArgumentException(file + ":" + line + ": the " + column + " cell \"" + cell
                            + "\" is not a valid regex: " + e.getMessage());
                }
            }
        }
        return new Row(templates, matchers);
    }

    /** {@code sh[[ow]]} to {@code sh(o(w)?)?}. */
    static String expandCompletions(String command) {
        Matcher matcher = COMPLETION.matcher(command);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String word = matcher.group(1);
            StringBuilder expanded = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                expanded.append('(').append(word.charAt(i));
            }
            expanded.append(")?".repeat(word.length()));
            matcher.appendReplacement(out, Matcher.quoteReplacement(expanded.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            cells.add(PyText.strip(cell));
        }
        return cells;
    }

    /** The templates directory. */
    public Path directory() {
        return directory;
    }

    /**
     * The template for {@code command} on a {@code platform} device: the first row whose cells match the start of
     * each attribute (columns the row leaves empty, or that are not given, match anything).
     */
    public Optional<TextFsmTemplate> find(String platform, String command) {
        return templateFile(Map.of("Platform", platform, "Command", command)).map(this::template);
    }

    /** The first template file the first matching row names, relative to {@link #directory()}. */
    public Optional<String> templateFile(Map<String, String> attributes) {
        for (Row row : rows) {
            boolean matches = true;
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                PythonRegex regex = row.matchers().get(attribute.getKey());
                if (regex != null && !regex.matcher(attribute.getValue()).lookingAt()) {
                    matches = false;
                    break;
                }
            }
            if (matches) {
                return Optional.of(row.templates().split(":", -1)[0]);
            }
        }
        return Optional.empty();
    }

    private TextFsmTemplate template(String file) {
        return templates.computeIfAbsent(file, name -> TextFsmTemplate.read(directory.resolve(name)));
    }
}
