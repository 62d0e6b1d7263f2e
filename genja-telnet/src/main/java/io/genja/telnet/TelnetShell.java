package io.genja.telnet;

import io.genja.connection.ConnectionException;
import io.genja.device.CliDriver;
import io.genja.device.CliRequest;
import io.genja.device.OutputCleaner;
import io.genja.device.OutputSize;
import io.genja.device.PlatformProfile;
import io.genja.task.FailureKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.telnet.EchoOptionHandler;
import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;

/**
 * One Telnet session with a device's CLI: Commons Net's {@link TelnetClient} for the protocol, a login that answers
 * the platform profile's {@code login:} questions, then genja-device's {@link CliDriver} for everything after the
 * first prompt (paging, echo and prompt stripping, answers to questions), exactly as ssh's shell mode uses it. This
 * class adds what is Telnet's: the socket, the login, the time limits and the failures.
 *
 * <p>One daemon thread per session reads the socket and hands what arrives to the caller's thread through a small
 * bounded queue (a device flooding the session waits on TCP, not on memory); commands run on the caller's thread,
 * one at a time, each bounded by its total and idle limits.
 */
final class TelnetShell {

    /** What the reader thread hands over: bytes, or the end of the stream ({@code data == null}) and why. */
    private record Chunk(byte[] data, IOException error) {
    }

    private final TelnetOptions options;
    private final PlatformProfile profile;
    private final TelnetClient client;
    private final OutputStream out;
    private final BlockingQueue<Chunk> arrived = new ArrayBlockingQueue<>(64);
    private final CliDriver cli;
    private Thread reader;
    /** Why the session cannot be used any more; guarded by {@code this}. */
    private ConnectionException broken;
    private volatile boolean closed;

    private TelnetShell(TelnetOptions options, PlatformProfile profile, TelnetClient client) throws IOException {
        this.options = options;
        this.profile = profile;
        this.client = client;
        this.out = client.getOutputStream();
        this.cli = new CliDriver(profile);
    }

    /**
     * Connects, logs in, waits for the first prompt and turns paging off.
     *
     * @throws ConnectionException {@code CONNECTION} or {@code TIMEOUT} when the device cannot be reached or does not
     *     answer, {@code AUTHENTICATION} when it refuses the login
     */
    static TelnetShell open(TelnetOptions options, PlatformProfile profile) throws ConnectionException {
        TelnetClient client = new TelnetClient("VT100");
        client.setReaderThread(false); // our own reader thread reads, so timeouts stay ours
        try {
            // the device echoes (and leaves the password out); neither side waits for go-ahead
            client.addOptionHandler(new EchoOptionHandler(false, false, false, true));
            client.addOptionHandler(new SuppressGAOptionHandler(true, true, true, true));
        } catch (InvalidTelnetOptionException | IOException e) {
            throw new IllegalStateException("Commons Net refused a standard Telnet option", e);
        }
        client.setConnectTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis())));
        try {
            client.connect(options.hostname(), options.port());
        } catch (IOException e) {
            throw connectFailure(options, e);
        }
        TelnetShell shell = null;
        try {
            shell = new TelnetShell(options, profile, client);
            shell.startReader();
            shell.logIn();
            for (String command : shell.cli.setupCommands()) {
                shell.run(CliRequest.of(command), "the paging-off command \"" + command + "\"");
            }
            return shell;
        } catch (IOException e) {
            disconnect(client);
            throw new ConnectionException(FailureKind.CONNECTION, options.where() + ": the Telnet session broke: "
                    + e.getMessage(), e, true);
        } catch (ConnectionException | RuntimeException e) {
            if (shell != null) {
                shell.close();
            } else {
                disconnect(client);
            }
            throw e;
        }
    }

    private void startReader() {
        InputStream in = client.getInputStream();
        reader = new Thread(() -> read(in), "genja-telnet-" + options.host());
        reader.setDaemon(true);
        reader.start();
    }

    /** The reader thread: everything that arrives goes to the queue, then the end of the stream. */
    private void read(InputStream in) {
        byte[] buffer = new byte[16 * 1024];
        try {
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    arrived.put(new Chunk(null, null));
                    return;
                }
                int length = n;
                // Commons Net hands the first byte alone, then what is buffered: take that too
                while (length < buffer.length && in.available() > 0) {
                    int more = in.read(buffer, length, buffer.length - length);
                    if (more < 0) {
                        break;
                    }
                    length += more;
                }
                arrived.put(new Chunk(Arrays.copyOf(buffer, length), null));
            }
        } catch (IOException e) {
            if (!closed) {
                arrived.offer(new Chunk(null, e));
            }
        } catch (InterruptedException e) {
            // close(): nobody waits for more
        }
    }

    /**
     * Answers the login questions until the first prompt: the user name at the profile's username prompt, the
     * password (never logged) at its password prompt. The device refusing them (its failure message, or asking for
     * the user again) is an {@code AUTHENTICATION} failure.
     */
    private void logIn() throws ConnectionException, IOException {
        PlatformProfile.Login login = profile.login();
        long deadline = System.nanoTime() + options.loginTimeout().toNanos();
        ByteArrayOutputStream sinceAnswer = new ByteArrayOutputStream();
        boolean passwordSent = false;
        while (true) {
            Chunk chunk = next(deadline, null, options.loginTimeout(),
                    () -> "the login did not reach a prompt matching " + profile.prompt() + " (platform "
                            + profile.name() + "); received: " + quoted(sinceAnswer));
            if (chunk.data() == null) {
                throw closedDuring(chunk, passwordSent ? "after the password was sent (the device may refuse the "
                        + "login this way)" : "during the login", sinceAnswer.size());
            }
            sinceAnswer.writeBytes(chunk.data());
            String text = OutputCleaner.clean(sinceAnswer.toString(StandardCharsets.UTF_8));
            String lastLine = text.substring(text.lastIndexOf('\n') + 1);
            if (passwordSent && (login.failure().matcher(text).find() || login.usernamePrompt().matcher(lastLine).find())) {
                throw new ConnectionException(FailureKind.AUTHENTICATION, options.where() + ": the device refused "
                        + "the login of user \"" + options.username() + "\" (wrong user name or password)"
                        + failureLine(login, text), null, false);
            }
            if (profile.prompt().matcher(lastLine).find()) {
                cli.begin((String) null); // the first prompt: the driver learns it as ssh's shell does
                if (!(cli.receive(sinceAnswer.toByteArray()) instanceof CliDriver.Step.Done)) {
                    throw new ConnectionException(FailureKind.CONNECTION, options.where() + ": the login ended at "
                            + quoted(sinceAnswer) + ", which the CLI driver does not take for a prompt", null, false);
                }
                return;
            }
            if (login.usernamePrompt().matcher(lastLine).find()) {
                if (options.username() == null) {
                    throw new ConnectionException(FailureKind.AUTHENTICATION, options.where() + ": the device asks "
                            + "for a user name and the host has none: set username", null, false);
                }
                send(options.username() + "\n");
                sinceAnswer.reset();
            } else if (login.passwordPrompt().matcher(lastLine).find()) {
                if (options.password() == null) {
                    throw new ConnectionException(FailureKind.AUTHENTICATION, options.where() + ": the device asks "
                            + "for a password and the host has none: set password", null, false);
                }
                send(options.password() + "\n"); // never logged
                passwordSent = true;
                sinceAnswer.reset();
            }
        }
    }

    private static String failureLine(PlatformProfile.Login login, String text) {
        java.util.regex.Matcher matcher = login.failure().matcher(text);
        if (!matcher.find()) {
            return "";
        }
        int last = matcher.end() - 1; // the pattern may start with the line ends before the message
        int start = text.lastIndexOf('\n', last) + 1;
        int end = text.indexOf('\n', last);
        return ": " + text.substring(start, end < 0 ? text.length() : end).strip();
    }

    /** Whether the session can run commands. */
    synchronized boolean isOpen() {
        return broken == null && !closed && client.isConnected();
    }

    /** The prompt line that ended the last command (or the first prompt). */
    synchronized String lastPrompt() {
        return cli.lastPrompt();
    }

    /** Runs {@code request} and returns its output (the echo and the prompt taken out). */
    String run(CliRequest request) throws ConnectionException {
        return run(request, request.label());
    }

    private synchronized String run(CliRequest request, String label) throws ConnectionException {
        if (broken != null) {
            throw broken;
        }
        if (closed) {
            throw new ConnectionException(FailureKind.CONNECTION, options.where() + ": the telnet connection is closed");
        }
        try {
            drainIdle();
            byte[] command = cli.begin(request);
            send(command);
            Duration total = request.timeout() != null ? request.timeout() : options.commandTimeout();
            Duration idle = request.timeout() != null ? null : options.readTimeout();
            long deadline = System.nanoTime() + total.toNanos();
            long received = 0;
            while (true) {
                Chunk chunk = next(deadline, idle, total, () -> label + " did not finish");
                if (chunk.data() == null) {
                    throw closedDuring(chunk, "while " + label + " ran", cli.receivedLength());
                }
                received += chunk.data().length;
                if (received > options.maxOutput()) {
                    throw fail(new ConnectionException(FailureKind.COMMAND, options.where() + ": " + label
                            + " printed more than " + OutputSize.describe(options.maxOutput()) + ", the output cap; it "
                            + "was stopped and the session closed (the next command opens a new one). If that much "
                            + "output is expected, raise the cap with extras.max_output, e.g. max_output: 256MiB",
                            null, false));
                }
                CliDriver.Step step = cli.receive(chunk.data());
                if (step instanceof CliDriver.Step.Done done) {
                    return done.output();
                }
                if (step instanceof CliDriver.Step.Page page) {
                    send(page.response());
                } else if (step instanceof CliDriver.Step.Answer answer) {
                    send(answer.response()); // a secret answer is never logged
                }
            }
        } catch (IOException e) {
            throw fail(new ConnectionException(FailureKind.CONNECTION, options.where() + ": " + label
                    + " could not be sent: " + e.getMessage(), e, true));
        } catch (ConnectionException e) {
            throw fail(e);
        }
    }

    /** Output that arrived while no command waited (a late echo, a banner): the driver sees it, nobody waits for it. */
    private void drainIdle() throws ConnectionException {
        Chunk chunk;
        while ((chunk = arrived.poll()) != null) {
            if (chunk.data() == null) {
                throw closedDuring(chunk, "between commands", 0);
            }
            cli.receive(chunk.data());
        }
    }

    /**
     * The next chunk, waiting at most until {@code deadline} and, with an {@code idle} limit, that long since the last
     * one. Interrupted, the session closes (its state is unknown) and the wait fails with {@code TIMEOUT}.
     */
    private Chunk next(long deadline, Duration idle, Duration total, java.util.function.Supplier<String> what)
            throws ConnectionException {
        long left = deadline - System.nanoTime();
        boolean idleFirst = idle != null && idle.toNanos() < left;
        long wait = idleFirst ? idle.toNanos() : left;
        Chunk chunk;
        try {
            chunk = wait <= 0 ? null : arrived.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(FailureKind.TIMEOUT, options.where() + ": interrupted while waiting for the "
                    + "device", e, true);
        }
        if (chunk == null) {
            throw new ConnectionException(FailureKind.TIMEOUT, options.where() + ": " + what.get()
                    + (idleFirst ? ": no output arrived" : "") + " within " + seconds(idleFirst ? idle : total)
                    + " (extras.timeout and the per-step timeouts set the limits)", null, true);
        }
        return chunk;
    }

    private ConnectionException closedDuring(Chunk end, String when, int received) {
        return new ConnectionException(FailureKind.CONNECTION, options.where() + ": " + (closed
                ? "the telnet connection was closed by this client (a time budget, or Genja.close()) "
                : "the host closed the Telnet connection ") + when + " (received " + received + " characters"
                + (end.error() != null ? "; " + end.error().getMessage() : "") + ")", end.error(), true);
    }

    /** Records {@code failure}: a session that failed a command is in an unknown state and is not used again. */
    private ConnectionException fail(ConnectionException failure) {
        cli.abandon();
        if (broken == null) {
            broken = new ConnectionException(FailureKind.CONNECTION, options.where() + ": the telnet session was "
                    + "closed after an earlier failure: " + failure.getMessage(), failure, true);
        }
        close();
        return failure;
    }

    private void send(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        out.write(bytes);
        out.flush();
    }

    private void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Closes the connection; the reader thread ends with it. Calling it again does nothing. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        disconnect(client);
        Thread thread = reader;
        if (thread != null) {
            thread.interrupt(); // it may wait to hand over a chunk nobody will take
        }
        // a command waiting on another thread learns of it now, not at its timeout
        arrived.clear();
        arrived.offer(new Chunk(null, null));
    }

    private static void disconnect(TelnetClient client) {
        try {
            client.disconnect();
        } catch (IOException | RuntimeException e) {
            // already closed
        }
    }

    /** What arrived, quoted with control characters shown, the end only; for messages. */
    private static String quoted(ByteArrayOutputStream bytes) {
        String s = bytes.toString(StandardCharsets.UTF_8);
        String t = s.length() > 80 ? "..." + s.substring(s.length() - 80) : s;
        return "\"" + t.replace("\r", "\\r").replace("\n", "\\n").replace("\u001b", "\\e") + "\"";
    }

    private static ConnectionException connectFailure(TelnetOptions options, IOException error) {
        if (error instanceof ConnectException) {
            return new ConnectionException(FailureKind.CONNECTION, options.where() + ": connection refused; is a "
                    + "Telnet server listening on port " + options.port() + "?", error, true);
        }
        if (error instanceof UnknownHostException) {
            return new ConnectionException(FailureKind.CONNECTION, options.where() + ": cannot resolve host name \""
                    + options.hostname() + "\"", error, false);
        }
        if (error instanceof NoRouteToHostException) {
            return new ConnectionException(FailureKind.CONNECTION, options.where() + ": no route to host", error, true);
        }
        if (error instanceof SocketTimeoutException) {
            return new ConnectionException(FailureKind.TIMEOUT, options.where() + ": TCP connection not established "
                    + "within " + seconds(options.connectTimeout()) + " (extras.connect_timeout)", error, true);
        }
        return new ConnectionException(FailureKind.CONNECTION, options.where() + ": cannot connect: "
                + (error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName()), error, true);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
