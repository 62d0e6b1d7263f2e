package io.genja.testkit;

/**
 * The command interpreter of one session on a simulated device: turns a command line into a {@link Reply} and
 * keeps the session's terminal settings (paging). Everything platform-specific comes from the device's
 * {@link SimulatedPlatform}: its profile and its simulated outputs.
 */
final class DeviceCli {

    private final SimulatedDevice device;
    private final SimulatedPlatform platform;
    private int pageLength;

    DeviceCli(SimulatedDevice device) {
        this.device = device;
        this.platform = device.simulatedPlatform();
        this.pageLength = platform.initialPageLength();
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
        return platform.prompt(device);
    }

    Reply execute(String line) {
        String command = line.strip();
        device.recordCommand(command);
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
        return platform.reply(command, device, prompt());
    }
}
