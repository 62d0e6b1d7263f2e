package io.genja.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An interactive shell on a simulated device: echoes what is typed (not an answer to a secret's question), prints
 * the prompt, pages long output with the platform's pager marker (e.g. {@code --More--}) while paging is on, asks
 * the device's questions ({@code [confirm]}) in place of the prompt, and ends on {@code exit}.
 */
final class ShellSession implements Command {

    private final SimulatedDevice device;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exitCallback;
    /** Whether the last byte read ended a line with {@code \r}, so that a {@code \n} right after it is its pair. */
    private boolean afterCarriageReturn;
    private ChannelSession channel;
    private final DeviceCli cli;

    ShellSession(SimulatedDevice device) {
        this.device = device;
        this.cli = new DeviceCli(device);
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = new BufferedInputStream(in);
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // a shell has one stream: everything goes to stdout, as on a terminal
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        device.recordEnvironment(env.getEnv());
        this.channel = channel;
        device.shellOpened(cli);
        device.executor().execute(this::run);
    }

    @Override
    public void destroy(ChannelSession channel) {
        // the input stream closes with the channel, which ends run(); the shell is gone from now on
        device.shellClosed(cli);
    }

    private void run() {
        DeviceOutput output = new DeviceOutput(device, out, "\r\n");
        try {
            output.write("\r\n" + cli.prompt());
            String line;
            while ((line = readLine(output, !cli.answersSecret())) != null) {
                output.latency();
                Reply reply = cli.execute(line);
                if (reply.exit()) {
                    break;
                }
                if (reply.flow() == Reply.Flow.SILENT) {
                    in.transferTo(OutputStream.nullOutputStream()); // hung: reads, never answers, until closed
                    return;
                }
                if (reply.flow() == Reply.Flow.ENDLESS) {
                    output.endless(); // ends with an IOException when the client closes the channel
                }
                if (reply.flow() == Reply.Flow.DROP) {
                    channel.getSession().close(true); // a fault or a reload: the connection goes, unanswered
                    return;
                }
                List<String> lines = DeviceOutput.lines(reply.stdout() + reply.stderr());
                if (!page(cli, output, lines)) {
                    return;
                }
                output.write(reply.question() != null ? reply.question().text() : cli.prompt());
            }
            exitCallback.onExit(0);
        } catch (IOException e) {
            exitCallback.onExit(1, "shell I/O failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCallback.onExit(1, "interrupted");
        } finally {
            device.shellClosed(cli);
        }
    }

    /** Reads one line, echoing it as a terminal does unless told not to; {@code null} at end of input. */
    private String readLine(DeviceOutput output, boolean echoing) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteArrayOutputStream echo = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n' && afterCarriageReturn && line.size() == 0 && echo.size() == 0) {
                afterCarriageReturn = false;
                continue; // the \n of a \r\n pair; a \n alone is an empty line (Enter answering a question)
            }
            afterCarriageReturn = b == '\r';
            if (b == '\r' || b == '\n') {
                echo.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                output.write(echo.toString(StandardCharsets.UTF_8));
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
            if (echoing) {
                echo.write(b);
            }
            if (in.available() == 0) {
                output.write(echo.toString(StandardCharsets.UTF_8));
                echo.reset();
            }
        }
    }

    /** Writes the lines a page at a time; returns {@code false} when the device dropped the connection. */
    private boolean page(DeviceCli cli, DeviceOutput output, List<String> lines)
            throws IOException, InterruptedException {
        int pageLength = cli.pageLength();
        if (pageLength <= 1 || lines.size() < pageLength) {
            return output.writeLines(lines);
        }
        int shown = 0;
        int next = pageLength - 1;
        while (shown < lines.size()) {
            int end = Math.min(lines.size(), shown + next);
            if (!output.writeLines(lines.subList(shown, end))) {
                return false;
            }
            shown = end;
            if (shown >= lines.size()) {
                break;
            }
            String marker = cli.moreMarker();
            output.write(marker);
            int key = in.read();
            // the marker is erased with backspaces, spaces and backspaces again, as IOS does
            output.write("\b".repeat(marker.length()) + " ".repeat(marker.length()) + "\b".repeat(marker.length()));
            if (key < 0 || key == 'q' || key == 'Q') {
                break;
            }
            next = key == '\r' || key == '\n' ? 1 : pageLength - 1;
            if (key == '\r' && in.available() > 0) {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
            }
        }
        return true;
    }
}
