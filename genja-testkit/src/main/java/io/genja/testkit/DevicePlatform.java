package io.genja.testkit;

/** The network operating systems a {@link SimulatedDevice} can play. */
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
