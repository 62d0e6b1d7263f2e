package io.genja.ssh;

import io.genja.connection.ConnectionException;
import io.genja.task.FailureKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
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
 * asynchronous reads, each command's output ends where the prompt appears again, pager markers are answered,
 * and the echo, the prompt, {@code \r} and ANSI escapes are taken out. Commands run one at a time, in order.
 */
final class ShellDriver {

    private final SshOptions options;
    private final PlatformProfile profile;
    private final ScheduledExecutorService timer;
    private final ChannelShell channel;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);

    /** Guarded by {@code this}. */
    private final StringBuilder received = new StringBuilder();
    private Pending pending;
    private String prompt;
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
        for (String command : profile.pagingOff()) {
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
            received.setLength(0);
            pending = next;
            String label = command == null ? "the first prompt" : "\"" + command + "\"";
            next.watchdog = new Watchdog(timer, options,
                    () -> command == null ? "no prompt matching " + profile.prompt() + " (platform " + profile.name()
                            + ") arrived; received: " + tail(received, 80) : label + " did not finish",
                    options.commandTimeout(), options.readTimeout(), e -> fail(next, e));
        }
        if (command != null) {
            write(command + "\n");
        }
        return next.result;
    }

    private void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
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
                closed(Failures.command(options, text.strip(), e));
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
        CommandResult finished = null;
        String pagerResponse = null;
        synchronized (this) {
            CharBuffer chars = CharBuffer.allocate(bytes.length + 4);
            decoder.decode(ByteBuffer.wrap(bytes), chars, false);
            chars.flip();
            received.append(chars);
            current = pending;
            if (current == null) {
                return; // output nobody waits for (a banner after the prompt, a late echo)
            }
            current.watchdog.touch();
            String lastLine = lastLine(received);
            Matcher more = profile.more().matcher(lastLine);
            if (more.find()) {
                received.setLength(received.length() - (lastLine.length() - more.start()));
                pagerResponse = profile.moreResponse();
            } else if (isPrompt(lastLine, current.command == null)) {
                current.watchdog.stop();
                pending = null;
                if (current.command == null) {
                    prompt = OutputCleaner.clean(lastLine).strip();
                    finished = new CommandResult(options.host(), "", "", "", null, Duration.ZERO);
                } else {
                    String output = output(current.command, OutputCleaner.clean(received.toString()));
                    finished = new CommandResult(options.host(), current.command, output, "", null,
                            Duration.ofNanos(System.nanoTime() - current.started));
                }
            }
        }
        if (pagerResponse != null) {
            write(pagerResponse);
        } else if (finished != null) {
            current.result.complete(finished);
        }
    }

    /** Whether {@code lastLine} is the prompt: any prompt at first, then the one seen first or a mode of it. */
    private boolean isPrompt(String lastLine, boolean first) {
        String line = OutputCleaner.clean(lastLine);
        if (!profile.prompt().matcher(line).find()) {
            return false;
        }
        if (first || prompt == null) {
            return true;
        }
        String stripped = line.strip();
        // "router#" also ends "router(config)#": the same host name before the mode
        String base = prompt.substring(0, Math.max(1, prompt.length() - 1));
        return stripped.equals(prompt) || stripped.startsWith(base);
    }

    /** The command's output: without the echoed command line and without the prompt line. */
    private static String output(String command, String cleaned) {
        String text = cleaned;
        int firstNewline = text.indexOf('\n');
        if (firstNewline >= 0 && text.substring(0, firstNewline).contains(command.strip())) {
            text = text.substring(firstNewline + 1);
        }
        int lastNewline = text.lastIndexOf('\n');
        text = lastNewline >= 0 ? text.substring(0, lastNewline) : "";
        return text;
    }

    private void fail(Pending which, ConnectionException error) {
        synchronized (this) {
            if (pending == which) {
                pending = null;
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
        synchronized (this) {
            if (closedBecause == null) {
                closedBecause = why;
            }
            current = pending;
            pending = null;
        }
        if (current != null) {
            current.watchdog.stop();
            String what = current.command == null ? "before the first prompt" : "while \"" + current.command + "\" ran";
            current.result.completeExceptionally(new ConnectionException(FailureKind.CONNECTION, options.where()
                    + ": the host closed the session " + what + " (received " + received.length() + " characters)",
                    why, true));
        }
    }

    void close() {
        closed(new ConnectionException(FailureKind.CONNECTION, options.where() + ": the connection is closed"));
        channel.close(false);
    }

    private static String lastLine(CharSequence text) {
        int length = text.length();
        int start = length;
        while (start > 0 && text.charAt(start - 1) != '\n') {
            start--;
            if (length - start > 1024) {
                break; // a prompt is never that long
            }
        }
        return text.subSequence(start, length).toString();
    }

    private static String tail(CharSequence text, int max) {
        String s = text.toString();
        String t = s.length() > max ? "..." + s.substring(s.length() - max) : s;
        return "\"" + t.replace("\r", "\\r").replace("\n", "\\n").replace("\u001b", "\\e") + "\"";
    }
}
