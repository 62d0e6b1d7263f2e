package io.genja.testkit;

import java.util.Locale;

/**
 * The command interpreter of one session on a simulated device: turns a command line into a {@link Reply} and
 * keeps the session's terminal settings (IOS paging).
 */
final class DeviceCli {

    /** IOS's default terminal length: lines per page before {@code --More--}. */
    static final int DEFAULT_PAGE_LENGTH = 24;

    private final SimulatedDevice device;
    private int pageLength = DEFAULT_PAGE_LENGTH;

    DeviceCli(SimulatedDevice device) {
        this.device = device;
    }

    /** Lines per page; 0 when paging is off ({@code terminal length 0}). Linux never pages. */
    int pageLength() {
        return device.platform() == DevicePlatform.CISCO_IOS ? pageLength : 0;
    }

    String prompt() {
        return switch (device.platform()) {
            case CISCO_IOS -> device.name() + "#";
            case LINUX -> device.username() + "@" + device.name() + ":~$ ";
        };
    }

    Reply execute(String line) {
        String command = line.strip();
        device.recordCommand(command);
        return switch (device.platform()) {
            case CISCO_IOS -> ios(command);
            case LINUX -> linux(command);
        };
    }

    private Reply ios(String command) {
        String normalized = command.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (normalized.isEmpty()) {
            return Reply.out("");
        }
        if (normalized.startsWith("terminal length ") || normalized.startsWith("term len ")) {
            String value = normalized.substring(normalized.lastIndexOf(' ') + 1);
            try {
                pageLength = Integer.parseInt(value);
                return Reply.out("");
            } catch (NumberFormatException e) {
                return invalidInput(command);
            }
        }
        if (normalized.startsWith("terminal width ") || normalized.equals("terminal no monitor")) {
            return Reply.out("");
        }
        if (normalized.equals("exit") || normalized.equals("logout") || normalized.equals("quit")) {
            return Reply.logout();
        }
        if (normalized.equals("show version") || normalized.equals("sh ver") || normalized.equals("show ver")) {
            return Reply.out(DeviceTexts.ciscoShowVersion(device.name()));
        }
        if (normalized.equals("show running-config") || normalized.equals("show run") || normalized.equals("sh run")) {
            return Reply.out(device.runningConfig());
        }
        if (normalized.equals("show clock")) {
            return Reply.out("*12:00:00.000 UTC Mon Jan 1 2024");
        }
        return invalidInput(command);
    }

    /** IOS points at the first character it did not understand; a simulated device always blames the first word. */
    private Reply invalidInput(String command) {
        String marker = " ".repeat(prompt().length()) + "^";
        return Reply.out(marker + "\n% Invalid input detected at '^' marker.\n");
    }

    private Reply linux(String command) {
        String[] words = command.split("\\s+", 2);
        String argument = words.length > 1 ? words[1] : "";
        return switch (command) {
            case "" -> Reply.out("");
            case "uname -a" -> Reply.out(DeviceTexts.linuxUname(device.name()) + "\n");
            case "uname" -> Reply.out("Linux\n");
            case "hostname", "cat /etc/hostname" -> Reply.out(device.name() + "\n");
            case "show version" -> Reply.out(DeviceTexts.linuxShowVersion(device.name()) + "\n");
            case "show running-config", "cat /etc/network/interfaces" -> Reply.out(device.runningConfig());
            case "whoami" -> Reply.out(device.username() + "\n");
            case "exit", "logout" -> Reply.logout();
            default -> switch (words[0]) {
                case "echo" -> Reply.out(argument + "\n");
                case "false" -> Reply.error("", 1);
                default -> Reply.error("bash: line 1: " + words[0] + ": command not found\n", 127);
            };
        };
    }
}
