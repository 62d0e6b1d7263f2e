package io.genja.testkit;

/**
 * Constants for the platforms the testkit has realistic outputs for. A device takes its prompt, paging and error
 * text from the platform's profile (genja-device); any other profiled platform is played by name with
 * {@link SimulatedDevice.Builder#platform(String)}.
 */
public enum DevicePlatform {

    /** Cisco IOS: a {@code hostname#} prompt, {@code --More--} paging, one command per exec session. */
    CISCO_IOS("cisco_ios"),

    /** A Linux server: exec commands with exit statuses, a {@code user@host:~$} shell prompt. */
    LINUX("linux");

    private final String inventoryName;

    DevicePlatform(String inventoryName) {
        this.inventoryName = inventoryName;
    }

    /** The {@code platform} value an inventory uses for this platform, for example {@code cisco_ios}. */
    public String inventoryName() {
        return inventoryName;
    }
}
