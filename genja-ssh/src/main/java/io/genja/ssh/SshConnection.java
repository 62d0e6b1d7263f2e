package io.genja.ssh;

import io.genja.connection.CliCommand;
import io.genja.connection.CliMode;
import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.connection.DeviceCli;
import io.genja.connection.FileTransfer;
import io.genja.connection.TransferProtocol;
import io.genja.device.ConfigModel;
import io.genja.device.Mode;
import io.genja.device.PlatformProfile;
import io.genja.device.connection.DeviceCliAdapter;
import io.genja.device.session.CliSession;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.task.FailureKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ssh session with one host. {@link #open} connects, verifies the host key and logs in; then commands run
 * by exec channel or through one kept-open shell, as the host's platform profile (or {@code extras.mode}) says.
 * Every step is asynchronous on MINA's futures; the blocking methods wait for the asynchronous ones.
 *
 * <p>{@link #cli()} offers the device's CLI (genja-device's session logic over the shell) in shell mode, and in
 * exec mode for platforms whose profile describes a configuration model (Junos): a shell is then opened on the
 * same session for the CLI's first command. A Linux host in exec mode has none.
 */
public final class SshConnection implements Connection {

    /** Carries a connection's options through MINA to the host-key verifier and the session setup. */
    static final AttributeKey<SshOptions> OPTIONS = new AttributeKey<>();

    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);

    private final ConnectionKey key;
    private final SshConnectionPlugin plugin;
    private volatile SshOptions options;
    private volatile PlatformProfile profile;
    private volatile Mode mode;
    private volatile ClientSession session;
    private volatile ShellDriver shell;
    /** The shell of {@link #cli()} in exec mode, opened on first use; guarded by {@code this} when opened. */
    private volatile ShellDriver cliShell;
    private volatile DeviceCli cli;
    /** The enable secret ({@code extras.secret} or {@code extras.enable_secret}); never shown. */
    private volatile String secret;
    private volatile boolean closed;
    /** The error that ended the current session, filled in by {@link SessionSetup}. */
    private volatile AtomicReference<Throwable> closedBy = new AtomicReference<>();

    SshConnection(ConnectionKey key, SshConnectionPlugin plugin) {
        this.key = key;
        this.plugin = plugin;
    }

    @Override
    public void open(ResolvedConnectionParams params) throws ConnectionException {
        await(openAsync(params));
    }

    @Override
    public CompletionStage<Void> openAsync(ResolvedConnectionParams params) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        try {
            options = SshOptions.from(key.host(), params);
            profile = plugin.profile(options);
            mode = options.mode() != null ? options.mode() : profile.defaultMode();
            secret = DeviceCliAdapter.enableSecret(key.host(), params.extras());
            cli = mode == Mode.SHELL || profile.config().kind() != ConfigModel.Kind.NONE
                    ? new DeviceCliAdapter(new CliSession(profile, new ShellTransport(this::cliShell, key.host()),
                            options.where(), () -> secret))
                    : null;
            // Before any traffic: a bad key file is the same VALIDATION error whatever the network does, and the
            // decryption (bcrypt for OpenSSH keys) runs on the caller's thread, not on one of MINA's I/O threads.
            List<KeyPair> keys = options.privateKeyFile() != null ? plugin.keys().load(options) : List.of();
            String username = plugin.username(options);
            LOG.debug("opening {} as {} in {} mode (platform {})", options.where(), username, mode, profile.name());
            // Without an inventory port, an ssh config's Port may apply: MINA reads 0 as "not given".
            int port = params.port() == null && options.sshConfigFile() != null ? 0 : options.port();
            closedBy = new AtomicReference<>();
            ConnectFuture connecting = plugin.client().connect(username, options.hostname(), port,
                    AttributeRepository.ofAttributesMap(Map.of(OPTIONS, options, SessionSetup.CLOSED_BY, closedBy)),
                    null);
            Watchdog watchdog = new Watchdog(plugin.timer(), options, () -> "TCP connection not established",
                    options.connectTimeout(), null, e -> {
                        opened.completeExceptionally(e); // first: cancelling completes it too, less precisely
                        connecting.cancel();
                    });
            connecting.addListener(f -> {
                watchdog.stop();
                if (!f.isConnected()) {
                    Throwable error = f.getException() != null ? f.getException()
                            : new IOException("connection cancelled");
                    // The handshake can fail (no algorithm in common) before MINA hands the session over.
                    Throwable recorded = closedBy.get();
                    opened.completeExceptionally(recorded != null
                            ? Failures.handshake(options, null, error, recorded) : Failures.connect(options, error));
                    return;
                }
                if (opened.isDone() || closed) {
                    f.getSession().close(true); // timed out or closed meanwhile: leave nothing behind
                    return;
                }
                authenticate(f.getSession(), keys, opened);
            });
        } catch (ConnectionException e) {
            opened.completeExceptionally(e);
        } catch (IOException | RuntimeException e) {
            opened.completeExceptionally(Failures.connect(options, e));
        }
        return opened;
    }

    private void authenticate(ClientSession opening, List<KeyPair> keys, CompletableFuture<Void> opened) {
        session = opening;
        try {
            keys.forEach(opening::addPublicKeyIdentity);
            if (options.password() != null) {
                opening.addPasswordIdentity(options.password());
            }
            var auth = opening.auth();
            Watchdog watchdog = new Watchdog(plugin.timer(), options,
                    () -> opening.getServerVersion() == null ? "the TCP connection is open but no SSH banner arrived"
                            : "authentication did not finish",
                    options.authTimeout(), null, e -> {
                        opened.completeExceptionally(e); // first: closing fails the login too, less precisely
                        opening.close(true);
                    });
            auth.addListener(a -> {
                watchdog.stop();
                if (!a.isSuccess()) {
                    ConnectionException failure = Failures.handshake(options, opening, a.getException() != null
                            ? a.getException() : new IOException("authentication failed"), closedBy.get());
                    opening.close(true);
                    opened.completeExceptionally(failure);
                    return;
                }
                if (mode == Mode.SHELL) {
                    AtomicReference<Throwable> sessionClosedBy = closedBy;
                    ShellDriver.open(opening, options, profile, plugin.timer(), sessionClosedBy::get)
                            .whenComplete((driver, e) -> {
                                if (e != null) {
                                    opening.close(true);
                                    opened.completeExceptionally(Failures.command(options, "(open shell)", e));
                                } else {
                                    shell = driver;
                                    opened.complete(null);
                                }
                            });
                } else {
                    opened.complete(null);
                }
            });
        } catch (IOException | RuntimeException e) {
            opening.close(true);
            opened.completeExceptionally(Failures.handshake(options, opening, e, closedBy.get()));
        }
    }

    /**
     * Runs {@code command} and returns its output. Fails with {@code COMMAND} when the exit status is not 0 or the
     * output matches one of the platform's error patterns (such as {@code % Invalid input}).
     */
    @Override
    public String executeCommand(String command) throws ConnectionException {
        return await(executeCommandAsync(command));
    }

    @Override
    public CompletionStage<String> executeCommandAsync(String command) {
        return executeAsync(command).thenApply(result -> {
            String problem = problem(result);
            if (problem != null) {
                throw new CompletionException(new ConnectionException(FailureKind.COMMAND, problem));
            }
            return result.stdout();
        });
    }

    /** Runs {@code command} and returns everything it produced; only a broken connection or a timeout fails it. */
    public CommandResult execute(String command) throws ConnectionException {
        return await(executeAsync(command));
    }

    /** The asynchronous form of {@link #execute(String)}. */
    public CompletableFuture<CommandResult> executeAsync(String command) {
        ClientSession current = session;
        if (current == null || closed) {
            return CompletableFuture.failedFuture(new ConnectionException(FailureKind.CONNECTION,
                    key.host() + ": the ssh connection is not open" + (closed ? " (it was closed)" : "")));
        }
        Throwable error = closedBy.get();
        // A shell knows best what it saw of a plain close; an error (a keep-alive without replies) says more.
        if ((!current.isOpen() || current.isClosing()) && (error != null || mode != Mode.SHELL)) {
            return CompletableFuture.failedFuture(Failures.lost(options, error));
        }
        if (mode == Mode.SHELL) {
            ShellDriver driver = shell;
            return driver.submit(command);
        }
        return exec(current, command);
    }

    private CompletableFuture<CommandResult> exec(ClientSession current, String command) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        long started = System.nanoTime();
        Watchdog watchdog = null;
        try {
            ChannelExec channel = current.createExecChannel(command, null, options.env());
            watchdog = new Watchdog(plugin.timer(), options, () -> "\"" + command + "\" did not finish",
                    options.commandTimeout(), options.readTimeout(), e -> {
                        result.completeExceptionally(e);
                        channel.close(true);
                    });
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Watchdog limits = watchdog;
            OutputBudget budget = new OutputBudget(options.maxOutput(), limits, () -> {
                limits.stop();
                result.completeExceptionally(Failures.outputCap(options, "\"" + command + "\"",
                        "its exec channel closed"));
                channel.close(true);
            });
            channel.setOut(budget.collectingInto(stdout));
            channel.setErr(budget.collectingInto(stderr));
            channel.addCloseFutureListener(f -> {
                limits.stop();
                if (result.isDone()) {
                    return; // timed out or over the output cap: already failed, and the output is not wanted
                }
                Integer status = channel.getExitStatus();
                if (status == null && channel.getExitSignal() == null && (!current.isOpen() || current.isClosing())) {
                    result.completeExceptionally(sessionEnded(command));
                    return;
                }
                result.complete(new CommandResult(key.host(), command, stdout.toString(StandardCharsets.UTF_8),
                        stderr.toString(StandardCharsets.UTF_8), status, Duration.ofNanos(System.nanoTime() - started)));
            });
            channel.open().addListener(f -> {
                if (!f.isOpened()) {
                    limits.stop();
                    result.completeExceptionally(Failures.command(options, command, f.getException() != null
                            ? f.getException() : new IOException("exec channel refused")));
                }
            });
        } catch (IOException | RuntimeException e) {
            if (watchdog != null) {
                watchdog.stop();
            }
            result.completeExceptionally(Failures.command(options, command, e));
        }
        return result;
    }

    /**
     * The failure of a command whose session ended under it: the host (or the network) closed it, unless this client
     * did because the host stopped answering keep-alive requests.
     */
    private ConnectionException sessionEnded(String command) {
        Throwable error = closedBy.get();
        if (Failures.closedByKeepalive(error)) {
            return Failures.lost(options, error);
        }
        return new ConnectionException(FailureKind.CONNECTION, options.where() + ": the host closed the session while \""
                + command + "\" ran", null, true);
    }

    /** Why {@code result} counts as a failed command, or {@code null}. */
    private String problem(CommandResult result) {
        if (result.exitStatus() != null && result.exitStatus() != 0) {
            String stderr = result.stderr().strip();
            return options.where() + ": \"" + result.command() + "\" exited with status " + result.exitStatus()
                    + (stderr.isEmpty() ? "" : ": " + stderr);
        }
        String rejected = profile.errorLine(result.stdout()).orElse(null);
        if (rejected != null) {
            return options.where() + ": \"" + result.command() + "\" was rejected by the device: " + rejected;
        }
        return null;
    }

    /**
     * The device's CLI: in shell mode over the connection's shell, in exec mode (for platforms with a configuration
     * model) over a shell opened for it on first use; empty for other exec-mode hosts (Linux) and before open.
     */
    @Override
    public Optional<DeviceCli> cli() {
        return Optional.ofNullable(cli);
    }

    /**
     * Copies files over this session by SFTP or SCP (a new channel per operation); empty before open and after
     * close.
     */
    @Override
    public Optional<FileTransfer> files(TransferProtocol protocol) {
        return session == null || closed ? Optional.empty() : Optional.of(new SshFileTransfer(this, protocol));
    }

    /** The session as it is, open or not ({@code null} before open), to tell why a channel failed. */
    ClientSession currentSession() {
        return session;
    }

    SshOptions options() {
        return options;
    }

    ScheduledExecutorService timer() {
        return plugin.timer();
    }

    String where() {
        return options.where();
    }

    /**
     * Runs a read-only device command such as a checksum and returns all it printed (stdout and stderr), whatever
     * its exit status: through the device CLI in shell mode (reaching privileged mode first, waiting up to
     * {@code timeout} or the command timeout, whichever is longer), by exec channel otherwise.
     */
    String deviceCommand(String command, Duration timeout) throws ConnectionException {
        if (mode == Mode.SHELL && cli != null) {
            if (cli.mode() == CliMode.USER) {
                cli.enable();
            }
            Duration wait = timeout.compareTo(options.commandTimeout()) > 0 ? timeout : options.commandTimeout();
            return cli.send(CliCommand.of(command).withTimeout(wait));
        }
        CommandResult result = execute(command);
        return result.stdout() + result.stderr();
    }

    /** The shell the CLI uses: the connection's own in shell mode; in exec mode one opened on the session. */
    private ShellDriver cliShell() throws ConnectionException {
        ClientSession current = session;
        if (current == null || closed) {
            throw new ConnectionException(FailureKind.CONNECTION, key.host() + ": the ssh connection is not open"
                    + (closed ? " (it was closed)" : ""));
        }
        if (mode == Mode.SHELL) {
            return shell;
        }
        synchronized (this) {
            ShellDriver open = cliShell;
            if (open != null && open.isOpen()) {
                return open;
            }
            if (!current.isOpen() || current.isClosing()) {
                throw Failures.lost(options, closedBy.get());
            }
            AtomicReference<Throwable> sessionClosedBy = closedBy;
            open = await(ShellDriver.open(current, options, profile, plugin.timer(), sessionClosedBy::get));
            cliShell = open;
            return open;
        }
    }

    /**
     * The open, authenticated MINA session, for channels of other protocols over this connection's ssh session:
     * file transfers (SFTP, SCP) and the netconf plugin's {@code netconf} subsystem.
     *
     * @throws ConnectionException of kind {@code CONNECTION} when the connection is not open or the session ended
     */
    public ClientSession session() throws ConnectionException {
        ClientSession current = session;
        if (current == null || closed) {
            throw new ConnectionException(FailureKind.CONNECTION, key.host() + ": the ssh connection is not open"
                    + (closed ? " (it was closed)" : ""));
        }
        if (!current.isOpen() || current.isClosing()) {
            throw Failures.lost(options, closedBy.get());
        }
        return current;
    }

    /** The mode commands run in, once open. */
    public Mode mode() {
        return mode;
    }

    /** The platform profile in use, once open. */
    public PlatformProfile profile() {
        return profile;
    }

    @Override
    public boolean isAlive() {
        ClientSession current = session;
        if (closed || current == null || !current.isOpen() || current.isClosing()) {
            return false;
        }
        return mode != Mode.SHELL || (shell != null && shell.isOpen());
    }

    /**
     * Waits until the device has closed the session (as IOS does after one exec); the client learns of it
     * asynchronously, after the server side already counts the session gone.
     *
     * @return whether the session closed within {@code timeout}
     */
    boolean awaitSessionClosed(Duration timeout) {
        ClientSession current = session;
        return current == null
                || current.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), timeout).contains(ClientSessionEvent.CLOSED);
    }

    @Override
    public ConnectionKey close() {
        closed = true;
        for (ShellDriver driver : new ShellDriver[] {shell, cliShell}) {
            if (driver != null) {
                driver.close();
            }
        }
        ClientSession current = session;
        if (current != null) {
            current.close(false);
        }
        return key;
    }

    /** Waits for {@code stage}; interruptible, so a runner enforcing a time budget can stop the wait. */
    private <T> T await(CompletionStage<T> stage) throws ConnectionException {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable cause = Failures.root(e);
            if (cause instanceof ConnectionException c) {
                throw c;
            }
            throw new ConnectionException(FailureKind.INTERNAL, key.host() + ": unexpected failure: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(); // the session is in an unknown state; the runtime reopens it if needed
            throw new ConnectionException(FailureKind.TIMEOUT, key.host() + ": interrupted while waiting for the "
                    + "ssh connection", e, true);
        }
    }

    @Override
    public String toString() {
        return "SshConnection[" + key + ", " + (isAlive() ? "open" : "not open") + "]";
    }

    /**
     * One exec command's output cap, shared by its stdout and stderr: bytes are counted as they arrive, arriving
     * output counts as activity for the idle timeout, and nothing is kept past the cap: the first chunk that would
     * cross it calls {@code onExceeded} (once) and is dropped, as is everything after it.
     */
    private static final class OutputBudget {
        private final AtomicLong left;
        private final Watchdog watchdog;
        private final Runnable onExceeded;

        OutputBudget(long cap, Watchdog watchdog, Runnable onExceeded) {
            this.left = new AtomicLong(cap);
            this.watchdog = watchdog;
            this.onExceeded = onExceeded;
        }

        OutputStream collectingInto(OutputStream target) {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    long before = left.getAndAdd(-len);
                    if (before - len < 0) {
                        if (before >= 0) {
                            onExceeded.run();
                        }
                        return;
                    }
                    watchdog.touch();
                    target.write(b, off, len);
                }
            };
        }
    }
}
