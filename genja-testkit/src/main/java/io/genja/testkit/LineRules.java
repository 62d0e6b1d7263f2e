package io.genja.testkit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a test added to a simulated device's configuration grammar: lines it also accepts
 * ({@link SimulatedDevice.Builder#acceptConfigLines}) and lines it rejects whatever the grammar says
 * ({@link SimulatedDevice.Builder#rejectConfigLines}). Patterns match the whole line, ignoring case.
 */
record LineRules(List<Pattern> accepted, List<Pattern> rejected) {

    static final LineRules NONE = new LineRules(List.of(), List.of());

    LineRules {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    boolean accepts(String statement) {
        return accepted.stream().anyMatch(p -> p.matcher(statement.strip()).matches());
    }

    boolean rejects(String line) {
        return rejected.stream().anyMatch(p -> p.matcher(line.strip()).matches());
    }
}
