package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/getting-started.md, followed to the letter: the project's files are the page's blocks marked
 * {@code <!-- file: PATH -->}, built by a real {@code mvn} with the page's own command, then the page's
 * {@code genja} commands run on the jar it made. Runs after {@code pre-integration-test}, where the invoker
 * plugin installed this build's artifacts into {@code target/it-repo}; everything else comes from the user's local
 * repository when it is there (so it needs no network here), else from the usual remote repositories.
 */
class GettingStartedIT {

    private static final String PAGE = "docs/getting-started.md";
    private static final String BUILD_COMMAND = "mvn -B package";
    private static final String GENJA = "java -jar target/genja.jar";

    private static Path project;
    private static String page;

    @BeforeAll
    static void extractTheProjectFromThePage() throws IOException {
        Path root = DocsRoot.find();
        page = Files.readString(root.resolve(PAGE));
        project = Path.of("target", "getting-started").toAbsolutePath();
        deleteRecursively(project);
        List<String> written = new ArrayList<>();
        for (MarkdownSnippets.Block block : MarkdownSnippets.blocks(root.resolve(PAGE))) {
            if (!block.path().isEmpty()) {
                Path file = project.resolve(block.path()).normalize();
                assertThat(file.startsWith(project)).as(PAGE + ":" + block.firstLine() + " writes outside the project").isTrue();
                Files.createDirectories(file.getParent());
                Files.writeString(file, block.code());
                written.add(block.path());
            }
        }
        assertThat(written).contains("pom.xml", "config.yaml", "inventory/hosts.yaml", "inventory/groups.yaml",
                "inventory/defaults.yaml", "src/main/java/com/example/net/InterfacesUp.java");
    }

    @Test
    void theProjectOnThePageBuildsAndItsGenjaCommandChecksAndListsTheTask() throws Exception {
        assertThat(Files.readString(project.resolve("pom.xml")))
                .as("the page's pom.xml uses the version this build makes")
                .contains("<genja.version>" + System.getProperty("genja.version") + "</genja.version>");
        assertThat(page).as("the page's commands").contains("\n" + BUILD_COMMAND + "\n", "\n" + GENJA + " check\n",
                "\n" + GENJA + " tasks\n");

        Run build = run(maven());
        assertThat(build.status()).as(build.toString()).isZero();
        assertThat(genjaArtifactsNotFromThisBuild()).as("io.genja artifacts the build took from the user's repository"
                + " (stale snapshots) instead of the ones the invoker plugin installed").isEmpty();
        assertThat(project.resolve("target/genja.jar")).isRegularFile();

        Run check = run(genja("check"));
        assertThat(check.status()).as(check.toString()).isZero();
        assertThat(check.out()).as(check.toString()).contains("2 hosts, 3 groups")
                .containsPattern("(?m)^tasks:\\s+interfaces_up$").containsPattern("(?m)^ok");

        Run tasks = run(genja("tasks"));
        assertThat(tasks.status()).as(tasks.toString()).isZero();
        assertThat(tasks.out()).as(tasks.toString())
                .containsPattern("interfaces_up\\s+ssh\\s+Counts the interfaces that are up\\.")
                .contains("-o command=<String>");
    }

    /**
     * The page's build command, with the Maven that runs this build, against {@code target/it-repo}. The settings
     * file puts the user's local repository first among the remote ones: what this build already resolved is taken
     * from there, so the build needs no network here, while anything else still comes from the usual repositories.
     */
    private static List<String> maven() throws IOException {
        Path settings = project.resolveSibling("getting-started-settings.xml");
        String userRepository = Path.of(System.getProperty("user.repository")).toUri().toString();
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>user-local-repository</id>
                      <repositories>
                        <repository>
                          <id>user-local</id><url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><checksumPolicy>ignore</checksumPolicy></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>user-local</id><url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>user-local-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(userRepository));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
        command.addAll(Arrays.asList(BUILD_COMMAND.split(" ")).subList(1, 3));
        command.addAll(List.of("-s", settings.toString(), "-Dmaven.repo.local=" + System.getProperty("it.repository")));
        return command;
    }

    /** Maven Resolver notes where each artifact came from; this build's own ones have no source repository. */
    private static List<String> genjaArtifactsNotFromThisBuild() throws IOException {
        Path genjaArtifacts = Path.of(System.getProperty("it.repository"), "io", "genja");
        try (Stream<Path> files = Files.walk(genjaArtifacts)) {
            List<Path> notes = files.filter(f -> f.getFileName().toString().equals("_remote.repositories")).toList();
            List<String> foreign = new ArrayList<>();
            for (Path note : notes) {
                Files.readAllLines(note).stream().filter(line -> line.contains(">user-local=")).forEach(foreign::add);
            }
            return foreign;
        }
    }

    private static List<String> genja(String subcommand) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.asList(GENJA.split(" ")).subList(1, 3));
        command.add(subcommand);
        return command;
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path outputs = Files.createDirectories(project.resolveSibling("getting-started-output"));
        Path out = Files.createTempFile(outputs, "out", ".txt");
        Path err = Files.createTempFile(outputs, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("GENJA_CONFIG");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 10 minutes");
        }
        return new Run(command, process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private record Run(List<String> command, int status, String out, String err) {
        @Override
        public String toString() {
            return String.join(" ", command) + " exited " + status + "\n--- stdout (end) ---\n" + tail(out)
                    + "\n--- stderr (end) ---\n" + tail(err);
        }

        private static String tail(String text) {
            return text.length() > 6000 ? "..." + text.substring(text.length() - 6000) : text;
        }
    }
}
