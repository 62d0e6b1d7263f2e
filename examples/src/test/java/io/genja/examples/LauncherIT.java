package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher distribution ({@code target/genja-examples-*-bin/genja-examples-*}: {@code bin/genja} + {@code lib/}),
 * run as users run it: through a symbolic link, twice. The first run of a task writes the class-data-sharing
 * archive; the second must be able to map it ({@code -Xshare:on} makes the JVM fail otherwise).
 */
class LauncherIT {

    @TempDir
    Path workingDirectory;

    @Test
    void theMainJobRunsThroughTheLauncherAndItsSecondRunMapsTheArchiveTheFirstWrote() throws Exception {
        Path link = workingDirectory.resolve("genja");
        Files.createSymbolicLink(link, launcher());
        Path cache = workingDirectory.resolve("cache");

        CommandRun version = run(link, Map.of("GENJA_CACHE_DIR", cache.toString()), "--version");
        assertThat(version.status()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("genja ");
        assertThat(cache).as("no archive from a run that runs no task").doesNotExist();

        CommandRun first = run(link, Map.of("GENJA_CACHE_DIR", cache.toString()));
        assertThat(first.status()).as(first.toString()).isEqualTo(1);
        assertThat(first.out()).contains("50 hosts, 48 passed (48 changed), 2 failed (1 unreachable), 0 skipped");
        assertThat(first.err()).as(first.toString()).isEmpty();
        assertThat(files(cache)).singleElement().asString().endsWith(".jsa");

        CommandRun second = run(link, Map.of("GENJA_CACHE_DIR", cache.toString(), "GENJA_OPTS", "-Xshare:on"));
        assertThat(second.out()).as(second.toString())
                .contains("50 hosts, 48 passed (0 changed), 2 failed (1 unreachable), 0 skipped");
        assertThat(second.err()).as(second.toString()).isEmpty();
    }

    @Test
    void aJarRebuiltAfterTheArchiveWasWrittenGetsANewArchive() throws Exception {
        Path cache = workingDirectory.resolve("cache");
        Path taskJar = workingDirectory.resolve("tasks.jar");
        writeJar(taskJar, "first build");
        Map<String, String> env = Map.of("GENJA_CACHE_DIR", cache.toString(), "GENJA_CLASSPATH", taskJar.toString());
        CommandRun first = run(launcher(), env);
        assertThat(first.out()).as(first.toString()).contains("50 hosts");
        Path archive = cache.resolve(files(cache).get(0));

        // the user rebuilds the task jar: other content, later than the archive
        writeJar(taskJar, "second build, longer");
        Files.setLastModifiedTime(taskJar, FileTime.from(Files.getLastModifiedTime(archive).toInstant().plusSeconds(2)));
        Map<String, String> strict = new HashMap<>(env);
        strict.put("GENJA_OPTS", "-Xshare:on"); // a stale archive given to the JVM would now fail the run
        CommandRun second = run(launcher(), strict);

        assertThat(second.out()).as(second.toString()).contains("50 hosts");
        assertThat(second.err()).as(second.toString()).isEmpty();
        assertThat(Files.getLastModifiedTime(archive)).as("written again").isGreaterThan(Files.getLastModifiedTime(taskJar));
    }

    private static void writeJar(Path jar, String content) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("build.txt"));
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void withClassDataSharingOffNothingIsWritten() throws Exception {
        Path cache = workingDirectory.resolve("cache");

        CommandRun run = run(launcher(), Map.of("GENJA_CACHE_DIR", cache.toString(), "GENJA_CDS", "off"), "tasks");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("backup_config");
        assertThat(cache).doesNotExist();
    }

    private static Path launcher() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("target"))) {
            Path bin = dirs.filter(d -> d.getFileName().toString().matches("genja-examples-.*-bin"))
                    .findFirst().orElseThrow(() -> new AssertionError("no launcher distribution in target/"));
            try (Stream<Path> homes = Files.list(bin)) {
                return homes.findFirst().orElseThrow().resolve("bin").resolve("genja").toAbsolutePath();
            }
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private CommandRun run(Path launcher, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Map<String, String> withJava = new HashMap<>(env);
        withJava.put("JAVA_HOME", System.getProperty("java.home"));
        return CommandRun.of(command, workingDirectory, withJava);
    }
}
