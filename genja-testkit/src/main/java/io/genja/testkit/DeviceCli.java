package io.genja.testkit;

import java.time.Duration;
import java.util.Optional;

/**
 * The command interpreter of one session on a simulated device: turns a command line into a {@link Reply} and
 * keeps the session's terminal settings (paging) and modes ({@link ShellModes}: privilege level, configuration
 * section, candidate). Everything platform-specific comes from the device's {@link SimulatedPlatform}: its
 * profile and its simulated outputs; configuration commands are {@link ConfigCommands}'.
 */
final class DeviceCli {

    private final SimulatedDevice device;
    private final SimulatedPlatform platform;
    private final ShellModes modes;
    private final ConfigCommands config;
    private int pageLength;
    /** The question the last reply asked: the next line is its answer. */
    private Reply.Question question;

    DeviceCli(SimulatedDevice device) {
        this.device = device;
        this.platform = device.simulatedPlatform();
        this.pageLength = platform.initialPageLength();
        this.modes = new ShellModes(ShellModes.loginLevel(device.enableSecret() != null));
        this.config = new ConfigCommands(device, modes, this::execLevel);
    }

    /** Lines per page; 0 when paging is off ({@code terminal length 0}) or the platform never pages. */
    int pageLength() {
        return pageLength;
    }

    /** The pager marker the platform prints, e.g. {@code  --More-- }. */
    String moreMarker() {
        return platform.moreMarker();
    }

    String prompt() {
        return modes.prompt(device, platform);
    }

    ShellLevel level() {
        return modes.level();
    }

    /** Whether the next line answers a question (and is not echoed when that is a secret). */
    boolean answersSecret() {
        return question != null && question.secret();
    }

    Reply execute(String line) {
        Reply reply = interpret(line);
        question = reply.question();
        return reply;
    }

    private Reply interpret(String line) {
        if (question != null) {
            Reply.Question asked = question;
            question = null;
            device.recordCommand(asked.secret() ? "" : line.strip()); // a secret is never recorded
            return asked.answer().apply(line.strip());
        }
        String command = line.strip();
        device.recordCommand(command);
        if (modes.level() == ShellLevel.CONFIG) {
            return config.configLine(command);
        }
        if (command.isEmpty()) {
            return Reply.out("");
        }
        if (platform.isLogout(command)) {
            return Reply.logout();
        }
        boolean pagingOff = platform.pageLength(command) >= 0
                || platform.profile().pagingOff().stream().anyMatch(c -> c.equalsIgnoreCase(command));
        if (pagingOff && device.fault() == Fault.IGNORE_PAGING_OFF) {
            return Reply.silent();
        }
        if (!pagingOff && device.fault() == Fault.ENDLESS_OUTPUT) {
            return Reply.endless();
        }
        int length = platform.pageLength(command);
        if (length >= 0) {
            pageLength = platform.initialPageLength() == 0 ? 0 : length;
            return Reply.out("");
        }
        if (platform.profile().pagingOff().stream().anyMatch(c -> c.equalsIgnoreCase(command))) {
            return Reply.out(""); // the other paging-off commands (terminal width, screen-width) change nothing here
        }
        return execLevel(command);
    }

    /** An exec command at the user or privileged level (also {@code do ...} from configuration mode). */
    private Reply execLevel(String command) {
        Duration delay = device.commandDelay(command);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis()); // the device working on a long command: the behaviour under test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Reply.drop();
            }
        }
        Optional<Reply> checksum = device.files().flatMap(files -> files.answer(command, platform.errorsOnStderr()));
        if (checksum.isPresent()) {
            return checksum.get();
        }
        return config.exec(command).orElseGet(() -> platform.reply(command, device, promptLine()));
    }

    private String promptLine() {
        String prompt = prompt();
        return prompt.substring(prompt.lastIndexOf('\n') + 1);
    }
}
