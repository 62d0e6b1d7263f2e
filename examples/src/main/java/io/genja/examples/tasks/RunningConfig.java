package io.genja.examples.tasks;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A running configuration as worth comparing: without the lines a device rewrites on its own. */
final class RunningConfig {

    /** Timestamps and counters that change without anyone changing the configuration. */
    private static final Pattern VOLATILE = Pattern.compile(
            "^(! Last configuration change at .*|! NVRAM config last updated at .*|ntp clock-period .*"
                    + "|Building configuration\\.\\.\\.|Current configuration : \\d+ bytes)$");

    private RunningConfig() {
    }

    static String withoutVolatileLines(String output) {
        return output.replace("\r", "").lines()
                .filter(line -> !VOLATILE.matcher(line.strip()).matches())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
