package io.genja.cli;

import io.genja.task.TaskResults;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Help.Ansi;

/** The end of {@code genja run}: one row per host, then the totals. */
final class ResultTable {

    private ResultTable() {
    }

    /** Prints the table and totals of {@code results}; colours the status column when {@code ansi} is on. */
    static void print(TaskResults results, PrintStream out, Ansi ansi) {
        List<HostOutcome> outcomes = HostOutcome.of(results);
        out.println();
        TextTable table = new TextTable("HOST", "STATUS", "TIME", "DETAIL");
        for (HostOutcome outcome : outcomes) {
            table.row(outcome.host(), outcome.status(), format(outcome.duration()), outcome.detail());
        }
        table.print(out, 1, cell -> ansi.string("@|" + colour(cell.trim()) + " " + cell + "|@"));
        out.println();
        results.hookErrors().forEach(error -> out.println("hook error: " + error));
        out.println(totals(results.taskName(), outcomes, results.duration()));
    }

    /**
     * {@code backup_config: 50 hosts, 48 passed (3 changed), 2 failed (2 unreachable), 0 skipped in 2.1 s}; after
     * Ctrl-C, the hosts that did not finish come before the time: {@code ..., 0 skipped, 30 interrupted in 1.2 s}.
     */
    static String totals(String task, List<HostOutcome> outcomes, Duration duration) {
        long passed = outcomes.stream().filter(HostOutcome::passed).count();
        long changed = outcomes.stream().filter(o -> o.status().equals(HostOutcome.CHANGED)).count();
        long failed = outcomes.stream().filter(HostOutcome::failed).count();
        long unreachable = outcomes.stream().filter(o -> o.status().equals(HostOutcome.UNREACHABLE)).count();
        long skipped = outcomes.stream().filter(o -> o.status().equals(HostOutcome.SKIPPED)).count();
        long interrupted = interrupted(outcomes);
        return task + ": " + count(outcomes.size(), "host") + ", " + passed + " passed (" + changed + " changed), "
                + failed + " failed (" + unreachable + " unreachable), " + skipped + " skipped"
                + (interrupted > 0 ? ", " + interrupted + " interrupted" : "") + " in " + format(duration);
    }

    /** How many hosts Ctrl-C stopped before they finished. */
    static long interrupted(List<HostOutcome> outcomes) {
        return outcomes.stream().filter(HostOutcome::interrupted).count();
    }

    /** {@code 1 host}, {@code 2 hosts}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String colour(String status) {
        return switch (status) {
            case HostOutcome.OK -> "green";
            case HostOutcome.CHANGED -> "yellow";
            case HostOutcome.SKIPPED -> "cyan";
            case HostOutcome.INTERRUPTED -> "magenta";
            default -> "red";
        };
    }

    /** {@code 85 ms}, {@code 2.3 s}, {@code 4 min 5 s}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }
}
