package io.genja.textfsm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds this implementation to the reference: Google's textfsm (Debian's {@code python3-textfsm}) runs over the whole
 * corpus in one Python process ({@code src/test/python/textfsm_oracle.py}), and every case's Java result must equal
 * its result exactly: the header and rows, or the same failure with the same message. The corpus
 * ({@code src/test/resources/corpus}) was written for this project: one directory per template with its inputs, and an
 * ntc-templates style {@code index/} looked up as textfsm's {@code clitable} does.
 */
class OracleAgreementTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final Path ORACLE = Path.of("src/test/python/textfsm_oracle.py");
    /** A case whose template error comes from Python's own {@code re} module: both must fail, wording aside. */
    private static final String PYTHON_RE_MESSAGE = "message-from-python-re";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode oracle;

    @BeforeAll
    static void runTheOracle() throws Exception {
        Optional<String> python = pythonWithTextFsm();
        Assumptions.assumeTrue(python.isPresent(), "no Python with the textfsm module (install python3-textfsm: "
                + "apt-get install python3-textfsm); the oracle comparison is skipped");
        Process process = new ProcessBuilder(python.get(), ORACLE.toString(), CORPUS.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the oracle finished").isTrue();
        assertThat(process.exitValue()).as("the oracle's exit status").isZero();
        oracle = JSON.readTree(new String(output, StandardCharsets.UTF_8));
    }

    @Test
    void everyCaseAgreesWithTheReferenceImplementation() throws IOException {
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        int failures = 0;
        for (Map.Entry<String, JsonNode> expected : oracle.properties()) {
            String name = expected.getKey();
            JsonNode actual = name.startsWith("index/") ? lookup(Integer.parseInt(name.substring(6))) : run(name);
            if (Files.exists(CORPUS.resolve(name.split("/")[0]).resolve(PYTHON_RE_MESSAGE))) {
                ((ObjectNode) actual).remove("message");
                ((ObjectNode) expected.getValue()).remove("message");
            }
            if (!actual.equals(expected.getValue())) {
                disagreements.add(name + "\n    textfsm: " + expected.getValue() + "\n    genja:   " + actual);
            }
            cases++;
            failures += expected.getValue().has("error") ? 1 : 0;
        }
        System.out.printf("TextFSM corpus: %d cases (%d of them failures), %d disagree with textfsm%n", cases, failures,
                disagreements.size());
        assertThat(disagreements).as("cases where the Java results differ from textfsm's").isEmpty();
        assertThat(cases).as("the corpus size").isGreaterThanOrEqualTo(90);
    }

    @Test
    void everyTemplateOfTheCorpusReachedTheOracle() throws IOException {
        Set<String> reported = new TreeSet<>();
        oracle.fieldNames().forEachRemaining(name -> reported.add(name.split("/")[0]));
        try (var directories = Files.list(CORPUS)) {
            assertThat(reported).containsAll(directories.map(dir -> dir.getFileName().toString()).toList());
        }
    }

    private static JsonNode run(String name) throws IOException {
        String[] parts = name.split("/", 2);
        Path template = CORPUS.resolve(parts[0]).resolve("template.textfsm");
        try {
            TextFsmTemplate compiled = TextFsmTemplate.compile(Files.readString(template, StandardCharsets.UTF_8));
            if (parts.length == 1) {
                return table(new TextFsmResult(compiled.header(), List.of()));
            }
            return table(compiled.parse(Files.readString(CORPUS.resolve(name), StandardCharsets.UTF_8)));
        } catch (TextFsmTemplateException e) {
            return error("template", e.textFsmMessage());
        } catch (TextFsmException e) {
            return error("parse", e.textFsmMessage());
        }
    }

    private static JsonNode lookup(int number) throws IOException {
        Path directory = CORPUS.resolve("index");
        List<String[]> lookups = Files.readAllLines(directory.resolve("lookups.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t")).toList();
        String[] lookup = lookups.get(number - 1);
        Optional<TextFsmTemplate> template = TemplateIndex.load(directory).find(lookup[0], lookup[1]);
        if (template.isEmpty()) {
            return error("lookup", "No template found for attributes: \"{'Platform': '" + lookup[0]
                    + "', 'Command': '" + lookup[1] + "'}\"");
        }
        return table(template.get().parse(Files.readString(directory.resolve(lookup[2]), StandardCharsets.UTF_8)));
    }

    private static JsonNode table(TextFsmResult result) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("header", result.header());
        table.put("rows", result.rows());
        return JSON.valueToTree(table);
    }

    private static JsonNode error(String kind, String message) {
        return JSON.createObjectNode().put("error", kind).put("message", message);
    }

    /** An interpreter that can import textfsm: Debian's {@code /usr/bin/python3} first, then {@code python3}. */
    static Optional<String> pythonWithTextFsm() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import textfsm").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // not installed under this name: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
