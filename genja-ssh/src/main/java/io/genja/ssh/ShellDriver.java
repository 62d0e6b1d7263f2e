package io.genja.ssh;

import io.genja.connection.ConnectionException;
import io.genja.device.CliDriver;
import io.genja.device.CliRequest;
import io.genja.device.PlatformProfile;
import io.genja.task.FailureKind;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * One interactive shell kept open on a host, driven without blocking a thread: output arrives through MINA's
 * asynchronous reads and goes to genja-device's {@link CliDriver}, which says where each command's output ends
 * (the prompt appears again), answers pager markers and takes out the echo, the prompt, {@code \r} and ANSI
 * escapes. This class adds what is SSH's: the channel, the command queue, the time limits and the failures.
 * Commands run one at a time, in order.
 */
final class ShellDriver {

    private final SshOptions options;
    private final PlatformProfile profile;
    private final ScheduledExecutorService timer;
    private final ChannelShell channel;
    /** The error that ended the SSH session, if one did (keep-alives without reply, ...); see {@link SessionSetup}. */
    private final Supplier<Throwable> sessionClosedBy;

    /** Guarded by {@code this}. */
    private final CliDriver cli;
    /** One buffer for every read: reads follow each other (the next starts after the last was consumed). */
    private final ByteArrayBuffer readBuffer = new ByteArrayBuffer(16 * 1024);
    private Pending pending;
    private ConnectionException closedBecause;
    private CompletableFuture<?> queue = CompletableFuture.completedFuture(null);
    private CompletableFuture<?> writes = CompletableFuture.completedFuture(null);

    /** The command being run: what it was, where it ends, how long it may take and how much it printed. */
    private static final class Pending {
        final String command;
        /** The command as messages name it. */
        final String label;
        final long started = System.nanoTime();
        final CompletableFuture<CommandResult> result = new CompletableFuture<>();
        Watchdog watchdog;
        /** Bytes received for it so far, guarded by the driver. */
        long received;

        Pending(String command, String label) {
            this.command = command;
            this.label = label;
        }
    }

    private ShellDriver(SshOptions options, PlatformProfile profile, ScheduledExecutorService timer, ChannelShell channel,
                        Supplier<Throwable> sessionClosedBy) {
        this.options = options;
        this.sessionClosedBy = sessionClosedBy;
        this.profile = profile;
        this.timer = timer;
        this.channel = channel;
        this.cli = new CliDriver(profile);
    }

    /**
     * Opens a shell on {@code session}, waits for the first prompt and turns paging off. {@code sessionClosedBy}
     * gives the error that ended the session, if one did.
     */
    static CompletableFuture<ShellDriver> open(ClientSession session, SshOptions options, PlatformProfile profile,
                                               ScheduledExecutorService timer, Supplier<Throwable> sessionClosedBy) {
        ChannelShell channel;
        try {
            PtyChannelConfiguration pty = new PtyChannelConfiguration();
            pty.setPtyType("vt100");
            pty.setPtyColumns(511);
            pty.setPtyLines(24);
            channel = session.createShellChannel(pty, options.env());
            channel.setStreaming(ClientChannel.Streaming.Async);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(Failures.command(options, "(open shell)", e));
        }
        ShellDriver driver = new ShellDriver(options, profile, timer, channel, sessionClosedBy);
        CompletableFuture<ShellDriver> opened = new CompletableFuture<>();
        try {
            channel.open().addListener(f -> {
                if (!f.isOpened()) {
                    opened.completeExceptionally(Failures.command(options, "(open shell)",
                            f.getException() != null ? f.getException() : new IOException("shell channel refused")));
                    return;
                }
                driver.readMore();
                driver.start().thenCompose(v -> driver.pagingOff())
                        .whenComplete((v, e) -> {
                            if (e != null) {
                                opened.completeExceptionally(e);
                            } else {
                                opened.complete(driver);
                            }
                        });
            });
        } catch (IOException e) {
            opened.completeExceptionally(Failures.command(options, "(open shell)", e));
        }
        return opened;
    }

    /** Waits for the device's first prompt and remembers it. */
    private CompletableFuture<Void> start() {
        return submit((String) null).thenAccept(r -> {
        });
    }

    /**
     * Runs the platform's paging-off commands. A device that rejects one (with an error message and its prompt)
     * still works: the --More-- responder pages for us. One that never gives its prompt back fails the open: its
     * CLI is not answering, and a shell that "opened" would only fail the first task later, and less clearly.
     */
    private CompletableFuture<Void> pagingOff() {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String command : cli.setupCommands()) {
            chain = chain.thenCompose(v -> submit(command, "the paging-off command \"" + command + "\"")
                    .thenAccept(r -> {
                    }));
        }
        return chain;
    }

    boolean isOpen() {
        synchronized (this) {
            return closedBecause == null && channel.isOpen() && !channel.isClosing();
        }
    }

    /** Runs {@code command} after the commands submitted before it. */
    CompletableFuture<CommandResult> submit(String command) {
        return submit(CliRequest.of(command));
    }

    /**
     * Runs {@code request} after the commands submitted before it: its own timeout (then without the idle limit,
     * which a long command's own timeout replaces), its questions answered, its output ending at its expect pattern.
     */
    CompletableFuture<CommandResult> submit(CliRequest request) {
        return submit(request, request.label());
    }

    private CompletableFuture<CommandResult> submit(String command, String label) {
        return submit(CliRequest.of(command), label);
    }

    private synchronized CompletableFuture<CommandResult> submit(CliRequest request, String label) {
        CompletableFuture<CommandResult> result = queue.handle((r, e) -> null).thenCompose(v -> begin(request, label));
        queue = result;
        return result;
    }

    /** The prompt line that ended the last command (or the first prompt). */
    synchronized String lastPrompt() {
        return cli.lastPrompt();
    }

    private CompletableFuture<CommandResult> begin(CliRequest request, String label) {
        String command = request.command();
        Pending next = new Pending(command, label);
        synchronized (this) {
            if (closedBecause != null) {
                return CompletableFuture.failedFuture(closedBecause);
            }
            byte[] bytes = cli.begin(request);
            pending = next;
            Duration total = request.timeout() != null ? request.timeout() : options.commandTimeout();
            Duration idle = request.timeout() != null ? null : options.readTimeout();
            next.watchdog = new Watchdog(timer, options,
                    () -> command == null ? "no prompt matching " + profile.prompt() + " (platform " + profile.name()
                            + ") arrived; received: " + receivedTail() : label + " did not finish",
                    total, idle, e -> fail(next, e));
            if (bytes.length > 0) {
                write(bytes, command);
            }
        }
        return next.result;
    }

    /** The end of what arrived so far, for a timeout's message (the timer thread asks). */
    private synchronized String receivedTail() {
        return cli.tail(80);
    }

    private void write(byte[] bytes, String what) {
        IoOutputStream in = channel.getAsyncIn();
        synchronized (this) {
            // MINA allows one pending write per stream: chain them.
            writes = writes.thenCompose(v -> {
                CompletableFuture<Void> written = new CompletableFuture<>();
                try {
                    IoWriteFuture future = in.writeBuffer(new ByteArrayBuffer(bytes));
                    future.addListener(f -> {
                        if (f.isWritten()) {
                            written.complete(null);
                        } else {
                            written.completeExceptionally(f.getException());
                        }
                    });
                } catch (IOException e) {
                    written.completeExceptionally(e);
                }
                return written;
            }).exceptionally(e -> {
                closed(Failures.command(options, what, e));
                return null;
            });
        }
    }

    private void readMore() {
        IoInputStream out = channel.getAsyncOut();
        readBuffer.clear(false); // what it held was copied out; wiping it would cost as much as a new one
        out.read(readBuffer).addListener(this::onRead);
    }

    private void onRead(IoReadFuture future) {
        Throwable error = future.getException();
        if (error != null || future.getRead() < 0) {
            closed(new ConnectionException(FailureKind.CONNECTION, options.where() + ": the host closed the shell"
                    + (error != null && !(error instanceof java.io.EOFException) ? " (" + error.getMessage() + ")" : ""),
                    error, true));
            return;
        }
        org.apache.sshd.common.util.buffer.Buffer buffer = future.getBuffer();
        byte[] bytes = new byte[buffer.available()];
        buffer.getRawBytes(bytes);
        onData(bytes);
        readMore();
    }

    private void onData(byte[] bytes) {
        Pending current;
        CliDriver.Step step;
        synchronized (this) {
            if (closedBecause != null) {
                return; // closing: nobody waits for what still arrives
            }
            current = pending;
            // counted before it is kept, so a command's output never grows past the cap
            if (current != null && (current.received += bytes.length) > options.maxOutput()) {
                current.watchdog.stop();
                pending = null;
                cli.abandon();
                step = null;
            } else {
                step = cli.receive(bytes);
                if (current == null || step instanceof CliDriver.Step.Idle) {
                    return; // output nobody waits for (a banner after the prompt, a late echo)
                }
                current.watchdog.touch();
                if (step instanceof CliDriver.Step.Done) {
                    current.watchdog.stop();
                    pending = null;
                }
            }
        }
        if (step == null) {
            // what is still printing would arrive as the next command's output: this shell cannot be trusted.
            // Closed first, so whoever learns of the failure already sees the connection as not alive.
            close();
            current.result.completeExceptionally(Failures.outputCap(options,
                    current.command == null ? "the device, before its first prompt," : current.label,
                    "the shell closed (the next command opens a new session)"));
        } else if (step instanceof CliDriver.Step.Page page) {
            write(page.response(), "(next page)");
        } else if (step instanceof CliDriver.Step.Answer answer) {
            write(answer.response(), "(the answer to a question of " + current.label + ")");
        } else if (step instanceof CliDriver.Step.Done done) {
            current.result.complete(current.command == null
                    ? new CommandResult(options.host(), "", "", "", null, Duration.ZERO)
                    : new CommandResult(options.host(), current.command, done.output(), "", null,
                            Duration.ofNanos(System.nanoTime() - current.started)));
        }
    }

    private void fail(Pending which, ConnectionException error) {
        synchronized (this) {
            if (pending == which) {
                pending = null;
                cli.abandon();
            }
        }
        if (error.kind() == FailureKind.TIMEOUT) {
            // the shell is in an unknown state (a command may still be printing): do not reuse it; closed before the
            // failure is known, so whoever learns of it already sees the connection as not alive
            close();
        }
        which.result.completeExceptionally(error);
    }

    private void closed(ConnectionException why) {
        Pending current;
        int received;
        synchronized (this) {
            if (closedBecause == null) {
                closedBecause = why;
            }
            current = pending;
            pending = null;
            received = cli.receivedLength();
            cli.abandon();
        }
        if (current != null) {
            current.watchdog.stop();
            Throwable sessionError = sessionClosedBy.get();
            String what = current.command == null ? "before the first prompt" : "while \"" + current.command + "\" ran";
            current.result.completeExceptionally(Failures.closedByKeepalive(sessionError)
                    ? Failures.lost(options, sessionError)
                    : new ConnectionException(FailureKind.CONNECTION, options.where()
                    + ": the host closed the session " + what + " (received " + received + " characters)",
                    why, true));
        }
    }

    void close() {
        closed(new ConnectionException(FailureKind.CONNECTION, options.where() + ": the connection is closed"));
        channel.close(false);
    }
}
