package io.genja.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * An interactive shell on a simulated device over any terminal byte stream (an SSH shell channel, a Telnet
 * connection): echoes what is typed (not an answer to a secret's question), prints the prompt, pages long output
 * with the platform's pager marker (e.g. {@code --More--}) while paging is on, asks the device's questions
 * ({@code [confirm]}) in place of the prompt, and ends on {@code exit}.
 */
final class TerminalShell {

    /** How a shell ended. */
    enum End {
        /** {@code exit}, or the client closed its end. */
        CLOSED,
        /** The device dropped the connection or hung (a fault, a reload): nobody reports an exit status. */
        DROPPED
    }

    private final SimulatedDevice device;
    private final DeviceCli cli;
    private final InputStream in;
    private final OutputStream out;
    private final BooleanSupplier echo;
    private final Runnable hangUp;
    /** Whether the last byte read ended a line with {@code \r}, so that a {@code \n} right after it is its pair. */
    private boolean afterCarriageReturn;

    /**
     * @param echo whether the device echoes what is typed now (over Telnet, only when the client agreed that the
     *     server echoes)
     * @param hangUp closes this connection, as a device that drops it does
     */
    TerminalShell(SimulatedDevice device, DeviceCli cli, InputStream in, OutputStream out, BooleanSupplier echo,
                  Runnable hangUp) {
        this.device = device;
        this.cli = cli;
        this.in = new BufferedInputStream(in);
        this.out = out;
        this.echo = echo;
        this.hangUp = hangUp;
    }

    /** Runs the shell until it ends; the caller reports how. */
    End run() throws IOException, InterruptedException {
        DeviceOutput output = new DeviceOutput(device, out, "\r\n");
        output.write("\r\n" + cli.prompt());
        String line;
        while ((line = readLine(output, !cli.answersSecret() && echo.getAsBoolean())) != null) {
            output.latency();
            Reply reply = cli.execute(line);
            if (reply.exit()) {
                break;
            }
            if (reply.flow() == Reply.Flow.SILENT) {
                in.transferTo(OutputStream.nullOutputStream()); // hung: reads, never answers, until closed
                return End.DROPPED;
            }
            if (reply.flow() == Reply.Flow.ENDLESS) {
                output.endless(); // ends with an IOException when the client closes the connection
            }
            if (reply.flow() == Reply.Flow.DROP) {
                hangUp.run(); // a fault or a reload: the connection goes, unanswered
                return End.DROPPED;
            }
            List<String> lines = DeviceOutput.lines(reply.stdout() + reply.stderr());
            if (!page(output, lines)) {
                return End.DROPPED;
            }
            output.write(reply.question() != null ? reply.question().text() : cli.prompt());
        }
        return End.CLOSED;
    }

    /** Reads one line, echoing it as a terminal does unless told not to; {@code null} at end of input. */
    private String readLine(DeviceOutput output, boolean echoing) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n' && afterCarriageReturn && line.size() == 0 && echoed.size() == 0) {
                afterCarriageReturn = false;
                continue; // the \n of a \r\n pair; a \n alone is an empty line (Enter answering a question)
            }
            afterCarriageReturn = b == '\r';
            if (b == '\r' || b == '\n') {
                echoed.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                output.write(echoed.toString(StandardCharsets.UTF_8));
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
            if (echoing) {
                echoed.write(b);
            }
            if (in.available() == 0) {
                output.write(echoed.toString(StandardCharsets.UTF_8));
                echoed.reset();
            }
        }
    }

    /** Writes the lines a page at a time; returns {@code false} when the device dropped the connection. */
    private boolean page(DeviceOutput output, List<String> lines) throws IOException, InterruptedException {
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
