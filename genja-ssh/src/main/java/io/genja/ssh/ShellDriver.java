package io.genja.ssh;

import io.genja.connection.ConnectionException;
import io.genja.device.CliDriver;
import io.genja.device.PlatformProfile;
import io.genja.task.FailureKind;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
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

    /** Guarded by {@code this}. */
    private final CliDriver cli;
    private Pending pending;
    private ConnectionException closedBecause;
    private CompletableFuture<?> queue = CompletableFuture.completedFuture(null);
    private CompletableFuture<?> writes = CompletableFuture.completedFuture(null);

    /** The command being run: what it was, where it ends, and how long it may take. */
    private static final class Pending {
        final String command;
        final long started = System.nanoTime();
        final CompletableFuture<CommandResult> result = new CompletableFuture<>();
        Watchdog watchdog;

        Pending(String command) {
            this.command = command;
        }
    }

    private ShellDriver(SshOptions options, PlatformProfile profile, ScheduledExecutorService timer, ChannelShell channel) {
        this.options = options;
        this.profile = profile;
        this.timer = timer;
        this.channel = channel;
        this.cli = new CliDriver(profile);
    }

    /** Opens a shell on {@code session}, waits for the first prompt and turns paging off. */
    static CompletableFuture<ShellDriver> open(ClientSession session, SshOptions options, PlatformProfile profile,
                                               ScheduledExecutorService timer) {
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
        ShellDriver driver = new ShellDriver(options, profile, timer, channel);
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
        return submit(null).thenAccept(r -> {
        });
    }

    private CompletableFuture<Void> pagingOff() {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String command : cli.setupCommands()) {
            // A device that rejects one of them still works: the --More-- responder pages for us.
            chain = chain.thenCompose(v -> submit(command).handle((r, e) -> null));
        }
        return chain;
    }

    boolean isOpen() {
        synchronized (this) {
            return closedBecause == null && channel.isOpen() && !channel.isClosing();
        }
    }

    /** Runs {@code command} after the commands submitted before it. */
    synchronized CompletableFuture<CommandResult> submit(String command) {
        CompletableFuture<CommandResult> result = queue.handle((r, e) -> null).thenCompose(v -> begin(command));
        queue = result;
        return result;
    }

    private CompletableFuture<CommandResult> begin(String command) {
        Pending next = new Pending(command);
        synchronized (this) {
            if (closedBecause != null) {
                return CompletableFuture.failedFuture(closedBecause);
            }
            byte[] bytes = cli.begin(command);
            pending = next;
            String label = command == null ? "the first prompt" : "\"" + command + "\"";
            next.watchdog = new Watchdog(timer, options,
                    () -> command == null ? "no prompt matching " + profile.prompt() + " (platform " + profile.name()
                            + ") arrived; received: " + receivedTail() : label + " did not finish",
                    options.commandTimeout(), options.readTimeout(), e -> fail(next, e));
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
        ByteArrayBuffer buffer = new ByteArrayBuffer(32 * 1024);
        out.read(buffer).addListener(this::onRead);
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
            step = cli.receive(bytes);
            current = pending;
            if (current == null || step instanceof CliDriver.Step.Idle) {
                return; // output nobody waits for (a banner after the prompt, a late echo)
            }
            current.watchdog.touch();
            if (step instanceof CliDriver.Step.Done) {
                current.watchdog.stop();
                pending = null;
            }
        }
        if (step instanceof CliDriver.Step.Page page) {
            write(page.response(), "(next page)");
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
        which.result.completeExceptionally(error);
        if (error.kind() == FailureKind.TIMEOUT) {
            // the shell is in an unknown state (a command may still be printing): do not reuse it
            close();
        }
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
            String what = current.command == null ? "before the first prompt" : "while \"" + current.command + "\" ran";
            current.result.completeExceptionally(new ConnectionException(FailureKind.CONNECTION, options.where()
                    + ": the host closed the session " + what + " (received " + received + " characters)",
                    why, true));
        }
    }

    void close() {
        closed(new ConnectionException(FailureKind.CONNECTION, options.where() + ": the connection is closed"));
        channel.close(false);
    }
}
