package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output cap holds under a small heap: {@link OutputCapRun} runs in its own JVM with {@code -Xmx128m} (an
 * OutOfMemoryError anywhere ends it with status 3) over devices printing endlessly in exec and shell mode. Each fails
 * alone with the cap that applies to it (the settings' or its own extras'), every other host passes, and a command
 * timeout elsewhere in the run fires on time.
 */
@Timeout(90)
class OutputCapHeapTest {

    @TempDir
    Path dir;

    @Test
    void endlessOutputFailsOnlyItsHostUnderA128MiBHeapAndTimeoutsStayOnTime() throws Exception {
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                OutputCapRun.class.getName())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        String log = "stdout:\n" + Files.readString(stdout) + "\nstderr (end):\n" + tail(stderr);
        assertThat(ended).as("the run ended within 60 s; %s", log).isTrue();
        assertThat(child.exitValue()).as("exit status (3 is an OutOfMemoryError); %s", log).isZero();

        System.out.println("OutputCapRun under -Xmx128m:\n" + Files.readString(stdout)); // the numbers, for the log
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            lines.put(fields[0], Arrays.asList(fields).subList(1, fields.length));
        }
        assertThat(lines.get("flood-exec")).as(log).startsWith("failed", "COMMAND", "false");
        assertThat(lines.get("flood-exec").get(4)).contains("\"show version\" printed more than 8 MiB, the output cap",
                "its exec channel closed", "extras.max_output", "ssh.max_output");
        assertThat(lines.get("flood-shell")).as(log).startsWith("failed", "COMMAND", "false");
        assertThat(lines.get("flood-shell").get(4)).contains("\"show version\" printed more than 4 MiB, the output cap",
                "the shell closed");
        List<String> healthy = List.of("ios-001", "ios-002", "ios-003", "ios-004", "linux-001", "linux-002",
                "linux-003", "linux-004");
        for (String host : healthy) {
            assertThat(lines.get(host)).as(host + "; " + log).startsWith("passed");
        }
        // command_timeout 1.5 s after an open that takes no longer than a healthy host's open and command
        long slowestHealthy = healthy.stream().mapToLong(host -> Long.parseLong(lines.get(host).get(3))).max()
                .orElseThrow();
        assertThat(lines.get("stuck")).as(log).startsWith("failed", "TIMEOUT");
        assertThat(Long.parseLong(lines.get("stuck").get(3))).as(log).isBetween(1500L, slowestHealthy + 1500 + 500);
        // measured from the command's start, beside the floods: late by less than a quarter
        assertThat(lines.get("timed").get(0)).as(log).isEqualTo("TIMEOUT");
        long timeoutMillis = OutputCapRun.TIMED_COMMAND_TIMEOUT.toMillis();
        assertThat(Long.parseLong(lines.get("timed").get(1))).as(log)
                .isBetween(timeoutMillis, timeoutMillis + timeoutMillis / 4);
        assertThat(Long.parseLong(lines.get("heap").get(0))).as(log).isLessThan(128);
        // the stuck host's device answers after 8 s: the run does not wait for it
        assertThat(Long.parseLong(lines.get("run").get(0))).as(log).isLessThan(8000);
    }

    private static String tail(Path file) throws java.io.IOException {
        String text = Files.readString(file);
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
