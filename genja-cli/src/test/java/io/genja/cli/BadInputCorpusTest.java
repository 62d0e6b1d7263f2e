package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through {@code genja check} and {@code genja run}, as users would give it: every case must end in exit 2
 * within 5 s, name the file at fault, and show no Java class name or stack trace (that takes {@code --debug}).
 * The cases are the runtime's validation corpus (each replayed through the CLI) and the odd inputs below:
 * deep group chains, directories, FIFOs, unreadable files, symbolic link loops, huge scalars, encodings.
 */
class BadInputCorpusTest {

    /** The runtime's corpus: one bad inventory or settings file per directory. */
    private static final Path RUNTIME_CORPUS = Path.of("../genja-runtime/src/test/resources/invalid");
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final int MB = 1024 * 1024;

    @TempDir
    Path root;

    /** Writes a case's files into its directory. */
    interface Setup {
        void write(Path dir) throws Exception;
    }

    /**
     * @param file what the error must name
     * @param commands each command is run on its own; {@code -c config.yaml} is added in front
     * @param hidden text of the file that must not be shown (the content of a file that is not an inventory)
     */
    record Case(String name, String file, Setup setup, List<List<String>> commands, String hidden) {
        Case(String name, String file, Setup setup, List<List<String>> commands) {
            this(name, file, setup, commands, null);
        }
    }

    private static final List<List<String>> CHECK_AND_RUN = List.of(List.of("check"), List.of("run", "greet"));

    static List<Case> oddInputs() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("deep-parent-chain-ending-in-a-cycle", "groups.yaml", dir -> {
            hosts(dir, "r1: {groups: [g0]}\n");
            Files.writeString(dir.resolve("groups.yaml"), chain(3_500, "g0"));
            config(dir, "hosts_file: hosts.yaml\n    groups_file: groups.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("deep-parent-chain-to-an-unknown-group", "groups.yaml", dir -> {
            hosts(dir, "r1: {groups: [g0]}\n");
            Files.writeString(dir.resolve("groups.yaml"), chain(3_500, "nowhere"));
            config(dir, "hosts_file: hosts.yaml\n    groups_file: groups.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("hosts-file-is-a-directory", "hosts.yaml", dir -> {
            Files.createDirectory(dir.resolve("hosts.yaml"));
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("groups-file-is-a-directory", "groups.yaml", dir -> {
            hosts(dir, "r1: {}\n");
            Files.createDirectory(dir.resolve("groups.yaml"));
            config(dir, "hosts_file: hosts.yaml\n    groups_file: groups.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("hosts-file-is-a-symlink-loop", "hosts.yaml", dir -> {
            Files.createSymbolicLink(dir.resolve("hosts.yaml"), dir.resolve("loop.yaml"));
            Files.createSymbolicLink(dir.resolve("loop.yaml"), dir.resolve("hosts.yaml"));
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("hosts-file-is-a-dangling-symlink", "hosts.yaml", dir -> {
            Files.createSymbolicLink(dir.resolve("hosts.yaml"), dir.resolve("gone.yaml"));
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("hosts-file-is-a-symlink-to-a-directory", "hosts.yaml", dir -> {
            Files.createSymbolicLink(dir.resolve("hosts.yaml"), Files.createDirectory(dir.resolve("real")));
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("hosts-file-is-a-fifo", "hosts.yaml", dir -> {
            fifo(dir.resolve("hosts.yaml"));
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("defaults-file-is-a-fifo", "defaults.yaml", dir -> {
            hosts(dir, "r1: {}\n");
            fifo(dir.resolve("defaults.yaml"));
            config(dir, "hosts_file: hosts.yaml\n    defaults_file: defaults.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("hosts-file-is-unreadable", "hosts.yaml", dir -> {
            assumeTrue(!"root".equals(System.getProperty("user.name")),
                    "running as root: root reads any file whatever its permissions, so no unreadable file can be made");
            Files.setPosixFilePermissions(hosts(dir, "r1: {}\n"), PosixFilePermissions.fromString("---------"));
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("hosts-file-in-a-missing-directory", "no-such-dir", dir ->
                config(dir, "hosts_file: no-such-dir/hosts.yaml"), CHECK_AND_RUN));
        cases.add(new Case("hosts-file-is-a-password-file", "passwd", dir -> {
            Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                    + "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
            config(dir, "hosts_file: passwd");
        }, CHECK_AND_RUN, "root:x"));
        cases.add(new Case("defaults-file-is-a-password-file", "passwd", dir -> {
            hosts(dir, "r1: {}\n");
            Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
            config(dir, "hosts_file: hosts.yaml\n    defaults_file: passwd");
        }, CHECK_AND_RUN, "root:x"));
        cases.add(new Case("hosts-file-is-a-dotenv-file", ".env", dir -> {
            Files.writeString(dir.resolve(".env"), "API_KEY: EnvFileSecret1\nDB_URL: postgres://u:EnvFileSecret2@db\n");
            config(dir, "hosts_file: .env");
        }, CHECK_AND_RUN, "EnvFileSecret"));
        cases.add(new Case("huge-plain-scalar", "hosts.yaml", dir -> {
            hosts(dir, "r1:\n  data:\n    blob: " + "x".repeat(8 * MB) + "\n");
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("huge-quoted-scalar", "hosts.yaml", dir -> {
            hosts(dir, "r1:\n  data:\n    blob: \"" + "y".repeat(8 * MB) + "\"\n");
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("huge-host-name", "hosts.yaml", dir -> {
            hosts(dir, "r" + "1".repeat(4 * MB) + ": {}\n");
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("huge-comment-line", "hosts.yaml", dir -> {
            hosts(dir, "# " + "c".repeat(8 * MB) + "\nr1: {}\n");
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("huge-scalar-in-the-groups-file", "groups.yaml", dir -> {
            hosts(dir, "r1: {groups: [core]}\n");
            Files.writeString(dir.resolve("groups.yaml"), "core:\n  platform: " + "p".repeat(4 * MB) + "\n");
            config(dir, "hosts_file: hosts.yaml\n    groups_file: groups.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("invalid-utf-8", "hosts.yaml", dir -> {
            Files.write(dir.resolve("hosts.yaml"), new byte[] {'r', '1', ':', ' ', '{', 'd', 'a', 't', 'a', ':', ' ',
                    '{', 's', ':', ' ', (byte) 0xC3, (byte) 0x28, '}', '}', '\n'});
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("latin-1-text", "hosts.yaml", dir -> {
            Files.write(dir.resolve("hosts.yaml"), "r1:\n  data: {site: café}\n".getBytes(StandardCharsets.ISO_8859_1));
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("utf-16-with-bom-and-a-bad-field", "hosts.yaml", dir -> {
            Files.write(dir.resolve("hosts.yaml"), "\uFEFFr1:\n  hostnmae: a\n".getBytes(StandardCharsets.UTF_16LE));
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("utf-16-without-bom", "hosts.yaml", dir -> {
            Files.write(dir.resolve("hosts.yaml"), "r1:\n  port: 22\n".getBytes(StandardCharsets.UTF_16LE));
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("binary-file", "hosts.yaml", dir -> {
            byte[] bytes = new byte[4096];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 31 + 7);
            }
            Files.write(dir.resolve("hosts.yaml"), bytes);
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("nul-byte", "hosts.yaml", dir -> {
            hosts(dir, "r1:\n  platform: ios\u0000\n");
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("json-nested-100000-deep", "hosts.json", dir -> {
            Files.writeString(dir.resolve("hosts.json"), "{\"r1\": {\"data\": {\"x\": " + "[".repeat(100_000)
                    + "]".repeat(100_000) + "}}}");
            config(dir, "hosts_file: hosts.json");
        }, CHECK_AND_RUN));
        cases.add(new Case("json-is-a-directory", "hosts.json", dir -> {
            Files.createDirectory(dir.resolve("hosts.json"));
            config(dir, "hosts_file: hosts.json");
        }, CHECK_AND_RUN));
        cases.add(new Case("yaml-nested-100000-deep", "hosts.yaml", dir -> {
            hosts(dir, "r1: {data: {x: " + "[".repeat(100_000) + "]".repeat(100_000) + "}}\n");
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("billion-laughs", "hosts.yaml", dir -> {
            StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 10; i++) {
                yaml.append("a").append(i).append(": &a").append(i).append(" [")
                        .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
            }
            hosts(dir, yaml.toString());
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("fifty-one-collection-aliases", "hosts.yaml", dir -> {
            StringBuilder yaml = new StringBuilder("r1:\n  data:\n    base: &base {a: 1}\n");
            for (int i = 0; i < 51; i++) {
                yaml.append("    k").append(i).append(": *base\n");
            }
            hosts(dir, yaml.toString());
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("unknown-secret-scheme", "hosts.yaml", dir -> {
            hosts(dir, "r1:\n  password: ${vault:db/r1}\n");
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("secret-reference-without-scheme", "hosts.yaml", dir -> {
            hosts(dir, "r1:\n  connection_options:\n    mem:\n      extras: {token: \"${TOKEN}\"}\n");
            config(dir, "hosts_file: hosts.yaml");
        }, CHECK_AND_RUN));
        cases.add(new Case("empty-hosts-file", "hosts.yaml", dir -> {
            hosts(dir, "");
            config(dir, "hosts_file: hosts.yaml");
        }, List.of(List.of("run", "greet"))));
        cases.add(new Case("hosts-file-of-comments-only", "hosts.yaml", dir -> {
            hosts(dir, "# nothing yet\n");
            config(dir, "hosts_file: hosts.yaml");
        }, List.of(List.of("run", "greet"))));
        cases.add(new Case("configuration-is-a-directory", "config.yaml", dir ->
                Files.createDirectory(dir.resolve("config.yaml")), CHECK_AND_RUN));
        cases.add(new Case("configuration-is-a-fifo", "config.yaml", dir -> fifo(dir.resolve("config.yaml")),
                CHECK_AND_RUN));
        cases.add(new Case("configuration-has-a-huge-scalar", "config.yaml", dir ->
                Files.writeString(dir.resolve("config.yaml"), "runner:\n  plugin: " + "z".repeat(8 * MB) + "\n"),
                CHECK_AND_RUN));
        cases.add(new Case("json-file-in-an-unwritable-place", "out", dir -> {
            hosts(dir, "r1: {}\n");
            config(dir, "hosts_file: hosts.yaml");
        }, List.of(List.of("run", "greet", "--json", "out/results.json"))));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> oddInputsAreBadInputNamedPlainlyAndQuickly() {
        return oddInputs().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path dir = Files.createDirectories(root.resolve(c.name()));
            c.setup().write(dir);
            for (List<String> command : c.commands()) {
                CliRun run = assertBadInput(c.name(), dir, dir.resolve("config.yaml"), command, c.file());
                if (c.hidden() != null) {
                    assertThat(run.out() + run.err()).doesNotContain(c.hidden());
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> theRuntimeCorpusIsBadInputThroughTheCli() throws IOException {
        List<Path> dirs;
        try (Stream<Path> list = Files.list(RUNTIME_CORPUS)) {
            dirs = list.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList();
        }
        return dirs.stream().map(source -> DynamicTest.dynamicTest(source.getFileName().toString(), () -> {
            Path dir = Files.createDirectories(root.resolve("runtime-" + source.getFileName()));
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            if (!Files.exists(dir.resolve("config.yaml"))) {
                StringBuilder options = new StringBuilder("hosts_file: " + name(dir, "hosts"));
                for (String optional : List.of("groups", "defaults")) {
                    if (Files.exists(dir.resolve(name(dir, optional)))) {
                        options.append("\n    ").append(optional).append("_file: ").append(name(dir, optional));
                    }
                }
                config(dir, options.toString());
            }
            String expected = Files.readAllLines(dir.resolve("expected.txt")).get(0);
            String file = expected.substring(0, expected.indexOf(':'));
            for (List<String> command : CHECK_AND_RUN) {
                assertBadInput(source.getFileName().toString(), dir, dir.resolve("config.yaml"), command, file);
            }
        }));
    }

    @Test
    void theProjectHasAtLeast70BadInputCases() throws IOException {
        try (Stream<Path> list = Files.list(RUNTIME_CORPUS)) {
            assertThat(list.filter(Files::isDirectory).count() + oddInputs().size()).isGreaterThanOrEqualTo(70);
        }
    }

    private static CliRun assertBadInput(String name, Path dir, Path config, List<String> command, String file) {
        List<String> args = new ArrayList<>(List.of("-c", config.toString()));
        args.addAll(command);
        long start = System.nanoTime();
        CliRun run = CliRun.execute(GenjaCli.builder().catalog(Fixtures.catalog()).plugins(Fixtures.plugins()).terminal(false).workingDirectory(dir)
                .env(Map.of("GENJA_LOGGING_ENABLED", "false")), args.toArray(String[]::new));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String what = name + ": genja " + String.join(" ", args) + "\n" + run;

        assertThat(run.status()).as(what).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(took).as(what).isLessThan(LIMIT);
        assertThat(run.err()).as(what).contains(file)
                .doesNotContainPattern("java\\.|javax\\.|org\\.yaml|com\\.fasterxml|[A-Za-z]+Exception|[A-Za-z]+Error\\b|\\w\\(\\)")
                .doesNotContain("\tat ");
        assertThat(run.out()).as(what).doesNotContain("\tat ");
        return run;
    }

    private static String name(Path dir, String base) {
        return Files.exists(dir.resolve(base + ".json")) ? base + ".json" : base + ".yaml";
    }

    private static Path hosts(Path dir, String yaml) throws IOException {
        return Files.writeString(dir.resolve("hosts.yaml"), yaml);
    }

    private static void config(Path dir, String options) throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "inventory:\n  options:\n    " + options + "\n");
    }

    /** {@code parent0 -> parent1 -> ... -> last}, one group per line. */
    private static String chain(int length, String last) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < length; i++) {
            yaml.append('g').append(i).append(": {groups: [").append(i + 1 < length ? "g" + (i + 1) : last)
                    .append("]}\n");
        }
        return yaml.toString();
    }

    private static void fifo(Path path) throws Exception {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available here: " + e.getMessage());
            return;
        }
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assumeTrue(mkfifo.exitValue() == 0, "mkfifo failed");
    }
}
