package io.genja.cli;

import io.genja.task.TaskResults;

/** {@code --json FILE}: the results in the engine's documented JSON shape ({@code TaskResults.toJson()}). */
final class ResultsJson {

    private ResultsJson() {
    }

    static String write(TaskResults results) {
        // TaskResults.toJson() lands with the engine work; until then --json is refused rather than invented.
        throw new CliException("--json: this build cannot write results as JSON yet");
    }
}
