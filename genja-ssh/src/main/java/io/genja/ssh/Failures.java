package io.genja.ssh;

import io.genja.device.OutputSize;
import io.genja.connection.ConnectionException;
import io.genja.connection.AsyncFailures;
import io.genja.task.FailureKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;

/** Maps what went wrong in MINA to a {@link ConnectionException} that names the host and says why. */
final class Failures {

    private Failures() {
    }

    static ConnectionException timeout(SshOptions options, String what, Duration limit) {
        return new ConnectionException(FailureKind.TIMEOUT, options.where() + ": " + what + " within "
                + seconds(limit) + " (extras.timeout and the per-step timeouts set the limits)", null, true);
    }

    /** The TCP connection could not be made. */
    static ConnectionException connect(SshOptions options, Throwable error) {
        Throwable cause = root(error);
        if (cause instanceof ConnectException) {
            return new ConnectionException(FailureKind.CONNECTION, options.where() + ": connection refused; is "
                    + "an SSH server listening on port " + options.port() + "?", cause, true);
        }
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            // NIO says UnresolvedAddressException when the name does not resolve: no message, only a class name
            return new ConnectionException(FailureKind.CONNECTION, options.where() + ": cannot resolve host name \""
                    + options.hostname() + "\"", cause, false);
        }
        if (cause instanceof NoRouteToHostException) {
            return new ConnectionException(FailureKind.CONNECTION, options.where() + ": no route to host", cause, true);
        }
        if (cause instanceof SocketTimeoutException) {
            return timeout(options, "TCP connection not established", options.connectTimeout());
        }
        if (String.valueOf(cause.getMessage()).startsWith("No session attached")) {
            return handshake(options, null, cause, null); // connected, then the host hung up before MINA handed over
        }
        return new ConnectionException(FailureKind.CONNECTION, options.where() + ": cannot connect: "
                + describe(cause), cause, true);
    }

    /**
     * Key exchange or authentication failed. {@code recorded} is the error that ended the session, if one did
     * (see {@link SessionSetup#record}): it says why better than MINA's future, which may fail with a consequence.
     * {@code session} is {@code null} when the session ended before MINA handed it over.
     */
    static ConnectionException handshake(SshOptions options, ClientSession session, Throwable error,
            Throwable recorded) {
        Throwable cause = root(recorded != null ? recorded : error);
        if (cause instanceof KnownHostsVerifier.Rejected rejected) {
            return new ConnectionException(FailureKind.CONNECTION, rejected.getMessage(), rejected, false);
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("Unable to negotiate")) {
            return new ConnectionException(FailureKind.CONNECTION, options.where() + ": no SSH algorithm in "
                    + "common: " + message + ". " + legacyAdvice(options, message), cause, false);
        }
        if (message.contains("No more authentication methods") || message.contains("authentication")
                || message.contains("Authentication")) {
            return new ConnectionException(FailureKind.AUTHENTICATION, options.where() + ": authentication "
                    + "failed for user \"" + options.username() + "\" (tried " + tried(options) + "): " + message,
                    cause, false);
        }
        if (hungUp(cause)) {
            String when = session == null || session.getServerVersion() != null ? "during the SSH handshake"
                    // sshd refusing a connection (MaxStartups, an access list) hangs up at once
                    : "before its SSH banner was read (as a server refusing connections does)";
            return new ConnectionException(FailureKind.CONNECTION, options.where() + ": the host closed the "
                    + "connection " + when + ioDetail(cause), cause, true);
        }
        return new ConnectionException(FailureKind.CONNECTION, options.where() + ": SSH handshake failed: "
                + describe(cause), cause, true);
    }

    /**
     * Whether {@code cause} only says that the connection is gone (the peer hung up), not why: an I/O error such as
     * a reset or broken pipe, or MINA's words for a session that closed under a future ("Session is being closed",
     * "Closed", or "No session attached" when it closed before MINA handed it over).
     */
    private static boolean hungUp(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        return isPlainIo(cause) || message.equals("Closed") || message.startsWith("No session attached")
                || message.startsWith("Session has been closed")
                || message.toLowerCase(Locale.ROOT).contains("session is being closed");
    }

    /** The I/O error worth adding to a hang-up's message ("Connection reset"), or nothing for MINA's own words. */
    private static String ioDetail(Throwable cause) {
        return isPlainIo(cause) ? ": " + describe(cause) : "";
    }

    private static boolean isPlainIo(Throwable cause) {
        return cause instanceof IOException && !(cause instanceof SshException);
    }

    /**
     * What to do about a failed negotiation, from MINA's message ("... for mac algorithms (client to server)
     * (client: a,b / server: c)"): the one legacy category that would help, when the device offers one of its names.
     */
    private static String legacyAdvice(SshOptions options, String message) {
        AlgorithmCategory category = message.contains("for kex algorithms") ? AlgorithmCategory.KEX
                : message.contains("host key algorithms") ? AlgorithmCategory.HOST_KEY
                : message.contains("for encryption algorithms") ? AlgorithmCategory.CIPHER
                : message.contains("for mac algorithms") ? AlgorithmCategory.MAC
                : null;
        int server = message.lastIndexOf("server: ");
        List<String> offered = server < 0 ? List.of()
                : List.of(message.substring(server + "server: ".length()).replaceFirst("\\).*", "").split(","));
        if (category != null && !options.legacyAlgorithms().contains(category)
                && Algorithms.legacyNames(category).stream().anyMatch(offered::contains)) {
            return "The device offers only legacy " + category + " algorithms: opt in with extras.legacy_algorithms: ["
                    + category + "]";
        }
        return "None of the device's algorithms is one this client supports"
                + (category == null ? "" : " (legacy " + category + " algorithms "
                + (options.legacyAlgorithms().contains(category) ? "included" : "would not help") + ")");
    }

    /** A command could not run or its channel broke. */
    static ConnectionException command(SshOptions options, String command, Throwable error) {
        Throwable cause = root(error);
        if (cause instanceof ConnectionException known) {
            return known;
        }
        if (hungUp(cause)) {
            return new ConnectionException(FailureKind.CONNECTION, options.where() + ": the host closed the session "
                    + "before \"" + command + "\" completed" + ioDetail(cause), cause, true);
        }
        return new ConnectionException(FailureKind.CONNECTION, options.where() + ": \"" + command
                + "\" could not complete: " + describe(cause), cause, true);
    }

    /**
     * {@code what} printed more than {@code options.maxOutput()} bytes and was stopped; {@code closed} says what was
     * closed with it. Not retryable: the same command would print as much again.
     */
    static ConnectionException outputCap(SshOptions options, String what, String closed) {
        return new ConnectionException(FailureKind.COMMAND, options.where() + ": " + what + " printed more than "
                + OutputSize.describe(options.maxOutput()) + ", the output cap; it was stopped and " + closed
                + ". If that much output is expected, raise the cap with extras.max_output (per host) or "
                + "ssh.max_output (settings file), e.g. max_output: 256MiB", null, false);
    }

    /**
     * Whether {@code closedBy} (the error that ended a session, see {@link SessionSetup#record}) says that this client
     * closed it because the host answered none of its keep-alive requests.
     */
    static boolean closedByKeepalive(Throwable closedBy) {
        return closedBy != null && String.valueOf(closedBy.getMessage()).contains("heartbeat requests without reply");
    }

    /** The session was gone when a command was to run: closed by the host, the network or the keep-alive. */
    static ConnectionException lost(SshOptions options, Throwable closedBy) {
        String why;
        if (closedByKeepalive(closedBy)) {
            why = "the host answered none of " + options.keepaliveCountMax() + " keep-alive requests sent "
                    + seconds(options.keepalive()) + " apart (extras.keepalive, extras.keepalive_count_max)";
        } else if (closedBy != null) {
            why = describe(root(closedBy));
        } else {
            why = "the host or the network closed it";
        }
        return new ConnectionException(FailureKind.CONNECTION, options.where() + ": the SSH session is gone: " + why,
                closedBy, true);
    }

    private static String tried(SshOptions options) {
        StringBuilder methods = new StringBuilder();
        if (options.privateKeyFile() != null) {
            methods.append("publickey with ").append(options.privateKeyFile()).append(", ");
        }
        if (options.password() != null) {
            methods.append("password, keyboard-interactive");
        } else {
            methods.append("no password: set one, or extras.private_key_file");
        }
        return methods.toString();
    }

    /** The exception that says what happened: without the wrappers of futures, and below MINA's own wrapper. */
    static Throwable root(Throwable error) {
        Throwable cause = AsyncFailures.unwrap(error);
        if (cause instanceof SshException && cause.getCause() instanceof IOException io) {
            return io;
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof CancellationException) {
            return "cancelled";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
