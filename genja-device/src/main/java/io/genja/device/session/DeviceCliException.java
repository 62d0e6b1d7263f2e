package io.genja.device.session;

import java.util.Objects;

/**
 * A {@link CliSession} operation failed. The transport maps the {@link Kind} to its own failure vocabulary
 * (genja-ssh: {@code ConnectionException} kinds of the same names); {@link Kind#TRANSPORT} carries the
 * transport's own failure as the cause. Messages never hold a secret.
 */
public class DeviceCliException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The transport failed (timeout, closed connection): its own exception is the cause. */
        TRANSPORT,
        /** The device rejected a command, or did not reach the level it should have. */
        COMMAND,
        /** The device refused the enable secret. */
        AUTHENTICATION,
        /** The call is wrong here: no secret configured, a configuration session closed or already open. */
        VALIDATION,
        /** The platform's profile does not describe how to do it. */
        UNSUPPORTED
    }

    private final Kind kind;

    public DeviceCliException(Kind kind, String message) {
        this(kind, message, null);
    }

    public DeviceCliException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The transport's failure {@code cause}, carried through the session logic unchanged. */
    public static DeviceCliException transport(Throwable cause) {
        return new DeviceCliException(Kind.TRANSPORT, String.valueOf(cause.getMessage()), cause);
    }

    public Kind kind() {
        return kind;
    }
}
