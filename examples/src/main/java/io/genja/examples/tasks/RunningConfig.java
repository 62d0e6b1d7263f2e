package io.genja.examples.tasks;

import io.genja.inventory.Host;
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

    /** The command that prints the configuration on the host's platform. */
    static String command(Host host) {
        String platform = host.platform() == null ? "" : host.platform();
        return switch (platform) {
            case "linux" -> "cat /etc/network/interfaces";
            case "juniper_junos", "junos" -> "show configuration | display set";
            default -> "show running-config";
        };
    }

    static String withoutVolatileLines(String output) {
        return output.replace("\r", "").lines()
                .filter(line -> !VOLATILE.matcher(line.strip()).matches())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
