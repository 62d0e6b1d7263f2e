package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a real process: {@code java -cp <test class path> io.genja.cli.Main ...}. */
class MainProcessTest {

    @TempDir
    Path workingDirectory;

    @Test
    void listsTheTasksOnItsClassPath() throws Exception {
        ProcessRun run = genja("tasks");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("greet").contains("Greets each host.")
                .contains("-o greeting=<String>  the word to greet with");
    }

    @Test
    void anUnknownTaskExitsTwoWithOneLineListingTheKnownTasks() throws Exception {
        ProcessRun run = genja("run", "no_such_task");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).isEqualTo("genja: error: no task \"no_such_task\"; known tasks: greet.\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void runsATaskOnTheInventoryOfAConfigurationFile() throws Exception {
        ProcessRun run = genja("run", "greet", "-o", "greeting=hi", "-c", ConfigFilesTest.config("lab"));

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^r1\\s+ok\\s+\\d+ ms\\s+hi r1$").contains("greet: 3 hosts, 3 passed");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkOnABrokenInventoryPrintsEveryProblemAndExitsTwo() throws Exception {
        ProcessRun run = genja("check", "-c", ConfigFilesTest.config("broken"));

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err().lines().filter(line -> line.matches("error: .*/hosts\\.yaml:\\d+:\\d+: .*"))).hasSize(3);
        assertThat(run.err()).endsWith("3 problems found\n").doesNotContain("\tat ");
    }

    /** The outcome of one process. */
    record ProcessRun(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private ProcessRun genja(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = workingDirectory.resolve("out.txt");
        Path err = workingDirectory.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("GENJA_CONFIG");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("genja " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
