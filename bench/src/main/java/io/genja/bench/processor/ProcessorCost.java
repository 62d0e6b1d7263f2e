package io.genja.bench.processor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * (through {@code ToolProvider}, in this JVM) with the processor and without it ({@code -proc:none}), each into a
 * fresh output folder. One warm-up compile of each kind, then {@code rounds} rounds (default 3) that alternate which
 * kind goes first, so a machine whose load changes affects both alike; best of the rounds, wall and thread CPU time
 * (javac compiles on the calling thread: CPU time is what a busy machine disturbs least).
 *
 * <p>{@code ProcessorCost [tasks] [rounds]}; {@code ProcessorCost --proc-only [tasks] [repeats]} only runs the
 * processor ({@code -proc:only}) again and again, for a profiler (e.g. {@code -XX:StartFlightRecording}).
 */
public final class ProcessorCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ProcessorCost() {
    }

    public static void main(String[] args) throws IOException {
        boolean procOnly = args.length > 0 && args[0].equals("--proc-only");
        List<String> numbers = List.of(args).subList(procOnly ? 1 : 0, args.length);
        int tasks = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 500;
        int rounds = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 3;
        Path work = Files.createTempDirectory("genja-processor-cost");
        try {
            List<String> sources = writeTasks(work.resolve("src"), tasks);
            if (procOnly) {
                for (int i = 0; i < rounds; i++) {
                    Measurement m = compile(work, sources, "-proc:only", "-processor", "io.genja.processor.GenjaProcessor");
                    System.out.printf(Locale.ROOT, "-proc:only %d tasks: %d ms wall, %d ms CPU%n", tasks, m.wallMs, m.cpuMs);
                }
                return;
            }
            System.out.printf(Locale.ROOT, "%d tasks, %d rounds, javac %s in one JVM (%s)%n", tasks, rounds,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors() + " CPUs");
            compile(work, sources, "-proc:none");
            compile(work, sources, "-processor", "io.genja.processor.GenjaProcessor");
            Measurement bestWithout = null;
            Measurement bestWith = null;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < 2; i++) {
                    boolean withProcessor = (round + i) % 2 == 0;
                    Measurement m = withProcessor
                            ? compile(work, sources, "-processor", "io.genja.processor.GenjaProcessor")
                            : compile(work, sources, "-proc:none");
                    System.out.printf(Locale.ROOT, "round %d %-17s %6d ms wall %6d ms CPU%n", round + 1,
                            withProcessor ? "with processor" : "without", m.wallMs, m.cpuMs);
                    if (withProcessor) {
                        bestWith = Measurement.best(bestWith, m);
                    } else {
                        bestWithout = Measurement.best(bestWithout, m);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "best without: %d ms wall, %d ms CPU%n", bestWithout.wallMs, bestWithout.cpuMs);
            System.out.printf(Locale.ROOT, "best with:    %d ms wall, %d ms CPU%n", bestWith.wallMs, bestWith.cpuMs);
            System.out.printf(Locale.ROOT, "ratio: %.2fx wall, %.2fx CPU (goal: at most 1.30x)%n",
                    (double) bestWith.wallMs / bestWithout.wallMs, (double) bestWith.cpuMs / bestWithout.cpuMs);
        } finally {
            deleteRecursively(work);
        }
    }

    private record Measurement(long wallMs, long cpuMs) {
        static Measurement best(Measurement a, Measurement b) {
            return a == null ? b : new Measurement(Math.min(a.wallMs, b.wallMs), Math.min(a.cpuMs, b.cpuMs));
        }
    }

    /** One clean compile of {@code sources} into a new folder; fails loudly if javac reports an error. */
    private static Measurement compile(Path work, List<String> sources, String... processing) throws IOException {
        Path out = Files.createTempDirectory(work, "classes");
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "-s", Files.createTempDirectory(work, "generated").toString(),
                "-classpath", System.getProperty("java.class.path"),
                "-processorpath", System.getProperty("java.class.path")));
        arguments.addAll(List.of(processing));
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
