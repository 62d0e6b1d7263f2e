package io.genja.bench.processor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * What the Genja processor adds to a clean compile: {@code N} generated small tasks (default 500) compiled by javac
 * with the processor and without it ({@code -proc:none}), each into a fresh output folder. Rounds (default 3)
 * alternate which kind goes first, so a machine whose load changes affects both alike; best of the rounds, wall and
 * CPU time. Two ways to run javac, both reported:
 * <ul>
 * <li><b>fresh JVM</b>: one {@code javac} process per compile, as a command line or a build tool's first compile
 *     runs it; CPU is the process's user+sys time (every thread: the JIT and GC included).
 * <li><b>warm, in this JVM</b> (through {@code ToolProvider}) after one warm-up compile of each kind: javac at full
 *     speed, as in a long-lived build daemon; CPU is the calling thread's (javac compiles on it). The third figure,
 *     the tasks plus the sources the processor generated compiled without it, is what compiling the generated code
 *     costs by itself.
 * </ul>
 *
 * <p>{@code ProcessorCost [tasks] [rounds]}; {@code ProcessorCost --proc-only [tasks] [repeats]} only runs the
 * processor ({@code -proc:only}) again and again, for a profiler (e.g. {@code -XX:StartFlightRecording}).
 */
public final class ProcessorCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String PROCESSOR = "io.genja.processor.GenjaProcessor";

    private ProcessorCost() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean procOnly = args.length > 0 && args[0].equals("--proc-only");
        List<String> numbers = List.of(args).subList(procOnly ? 1 : 0, args.length);
        int tasks = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 500;
        int rounds = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 3;
        Path work = Files.createTempDirectory("genja-processor-cost");
        try {
            List<String> sources = writeTasks(work.resolve("src"), tasks);
            if (procOnly) {
                for (int i = 0; i < rounds; i++) {
                    Measurement m = compile(work, sources, "-proc:only", "-processor", PROCESSOR);
                    System.out.printf(Locale.ROOT, "-proc:only %d tasks: %d ms wall, %d ms CPU%n", tasks, m.wallMs, m.cpuMs);
                }
                return;
            }
            System.out.printf(Locale.ROOT, "%d tasks, %d rounds, javac %s (%d CPUs)%n", tasks, rounds,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            freshJvm(work, sources, rounds);
            warm(work, sources, rounds);
        } finally {
            deleteRecursively(work);
        }
    }

    /** One {@code javac} process per compile. */
    private static void freshJvm(Path work, List<String> sources, int rounds) throws IOException, InterruptedException {
        System.out.println("fresh JVM per compile (javac command; CPU = process user+sys):");
        Best without = new Best();
        Best with = new Best();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 2; i++) {
                boolean withProcessor = (round + i) % 2 == 0;
                Measurement m = withProcessor ? javacProcess(work, sources, "-processor", PROCESSOR)
                        : javacProcess(work, sources, "-proc:none");
                print(round, withProcessor ? "with processor" : "without", m);
                (withProcessor ? with : without).add(m);
            }
        }
        summary(without.best, with.best, null);
    }

    /** javac through {@code ToolProvider} in this JVM, warmed up. */
    private static void warm(Path work, List<String> sources, int rounds) throws IOException {
        System.out.println("warm, in one JVM (ToolProvider; CPU = javac's thread):");
        compile(work, sources, "-proc:none");
        Path generated = Files.createTempDirectory(work, "generated");
        compile(work, sources, generated, "-processor", PROCESSOR);
        List<String> withGenerated = new ArrayList<>(sources);
        try (Stream<Path> files = Files.walk(generated)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> withGenerated.add(file.toString()));
        }
        Best without = new Best();
        Best with = new Best();
        Best generatedCode = new Best();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 2; i++) {
                boolean withProcessor = (round + i) % 2 == 0;
                Measurement m = withProcessor ? compile(work, sources, "-processor", PROCESSOR)
                        : compile(work, sources, "-proc:none");
                print(round, withProcessor ? "with processor" : "without", m);
                (withProcessor ? with : without).add(m);
            }
            Measurement m = compile(work, withGenerated, "-proc:none");
            print(round, "generated, no proc", m);
            generatedCode.add(m);
        }
        summary(without.best, with.best, generatedCode.best);
    }

    private static void print(int round, String kind, Measurement m) {
        System.out.printf(Locale.ROOT, "  round %d %-18s %6d ms wall %6d ms CPU%n", round + 1, kind, m.wallMs, m.cpuMs);
    }

    private static void summary(Measurement without, Measurement with, Measurement generatedCode) {
        System.out.printf(Locale.ROOT, "  best without:   %6d ms wall %6d ms CPU%n", without.wallMs, without.cpuMs);
        System.out.printf(Locale.ROOT, "  best with:      %6d ms wall %6d ms CPU%n", with.wallMs, with.cpuMs);
        if (generatedCode != null) {
            System.out.printf(Locale.ROOT, "  tasks + generated sources, without the processor: %d ms wall %d ms CPU "
                    + "(%.2fx CPU)%n", generatedCode.wallMs, generatedCode.cpuMs,
                    (double) generatedCode.cpuMs / without.cpuMs);
        }
        System.out.printf(Locale.ROOT, "  ratio: %.2fx wall, %.2fx CPU (goal: at most 1.30x)%n",
                (double) with.wallMs / without.wallMs, (double) with.cpuMs / without.cpuMs);
    }

    private record Measurement(long wallMs, long cpuMs) {
    }

    /** The best wall and the best CPU time seen, each on its own. */
    private static final class Best {
        Measurement best;

        void add(Measurement m) {
            best = best == null ? m : new Measurement(Math.min(best.wallMs, m.wallMs), Math.min(best.cpuMs, m.cpuMs));
        }
    }

    private static Measurement compile(Path work, List<String> sources, String... processing) throws IOException {
        return compile(work, sources, Files.createTempDirectory(work, "generated"), processing);
    }

    /**
     * One clean compile of {@code sources} into a new folder, generated sources to {@code generated}; fails loudly
     * if javac reports an error.
     */
    private static Measurement compile(Path work, List<String> sources, Path generated, String... processing)
            throws IOException {
        Path out = Files.createTempDirectory(work, "classes");
        List<String> arguments = arguments(out, generated, processing);
        arguments.addAll(sources);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        int status = ToolProvider.getSystemJavaCompiler().run(null, messages, messages, arguments.toArray(String[]::new));
        Measurement m = new Measurement((System.nanoTime() - wall) / 1_000_000,
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000);
        if (status != 0) {
            throw new IllegalStateException("javac failed:\n" + messages);
        }
        deleteRecursively(out);
        return m;
    }

    /**
     * One clean compile by a new {@code javac} process (of this JDK), its arguments in a file. bash's {@code times}
     * prints the user and system CPU time of the shell's finished children: javac's, every thread included.
     */
    private static Measurement javacProcess(Path work, List<String> sources, String... processing)
            throws IOException, InterruptedException {
        Path out = Files.createTempDirectory(work, "classes");
        List<String> arguments = arguments(out, Files.createTempDirectory(work, "generated"), processing);
        arguments.addAll(sources);
        Path argumentFile = work.resolve("javac.args");
        Files.write(argumentFile, arguments.stream().map(a -> '"' + a.replace("\\", "\\\\") + '"').toList());
        Path messages = work.resolve("javac.out");
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        Process process = new ProcessBuilder("bash", "-c", "\"$0\" \"@$1\" >\"$2\" 2>&1; status=$?; times; exit $status",
                javac, argumentFile.toString(), messages.toString()).redirectErrorStream(true).start();
        long wall = System.nanoTime();
        String times = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        long wallMs = (System.nanoTime() - wall) / 1_000_000;
        if (status != 0) {
            throw new IllegalStateException("javac failed:\n" + Files.readString(messages));
        }
        // second line: the children's user and system time, e.g. "0m5.120s 0m0.431s"
        String[] children = times.strip().lines().toList().get(1).trim().split("\\s+");
        deleteRecursively(out);
        return new Measurement(wallMs, bashTimeMs(children[0]) + bashTimeMs(children[1]));
    }

    /** {@code 1m2.345s} in milliseconds. */
    private static long bashTimeMs(String time) {
        int m = time.indexOf('m');
        return Long.parseLong(time.substring(0, m)) * 60_000
                + Math.round(Double.parseDouble(time.substring(m + 1, time.length() - 1)) * 1000);
    }

    private static List<String> arguments(Path out, Path generated, String... processing) {
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "-s", generated.toString(),
                "-classpath", System.getProperty("java.class.path"),
                "-processorpath", System.getProperty("java.class.path")));
        arguments.addAll(List.of(processing));
        return arguments;
    }

    /** {@code tasks} small tasks in 10 packages, each with an option and a Javadoc description, naming "ssh". */
    private static List<String> writeTasks(Path src, int tasks) throws IOException {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            String pkg = "bench.tasks.p" + (i % 10);
            Path file = src.resolve(pkg.replace('.', '/')).resolve("Task" + i + ".java");
            Files.createDirectories(file.getParent());
            try (OutputStream stream = Files.newOutputStream(file); PrintWriter out = new PrintWriter(stream)) {
                out.printf(Locale.ROOT, """
                        package %s;

                        import io.genja.annotations.GenjaTask;
                        import io.genja.annotations.TaskOption;
                        import io.genja.inventory.Host;
                        import io.genja.task.HostTaskResult;
                        import io.genja.task.Task;
                        import io.genja.task.TaskRuntimeContext;
                        import io.genja.task.TaskSuccess;

                        /** Runs command number %d and reports its first line. */
                        @GenjaTask(name = "task_%d", connectionPluginName = "ssh")
                        public class Task%d implements Task {

                            @TaskOption(description = "the command to run")
                            String command = "show %d";

                            @Override
                            public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
                                String output = context.executeCommand(command);
                                return HostTaskResult.passed(new TaskSuccess().withSummary(output.lines().findFirst().orElse("")));
                            }
                        }
                        """, pkg, i, i, i, i);
            }
            files.add(file.toString());
        }
        return files;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
