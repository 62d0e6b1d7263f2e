package io.genja.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Writes a device's replies the way the device would: line by line, honouring the latency and the fault modes
 * that affect output (slow output, a connection dropped mid-command).
 */
final class DeviceOutput {

    private final SimulatedDevice device;
    private final OutputStream out;
    private final String newline;

    DeviceOutput(SimulatedDevice device, OutputStream out, String newline) {
        this.device = device;
        this.out = out;
        this.newline = newline;
    }

    void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Waits the device's configured latency, as a slow control plane does before it answers. */
    void latency() throws InterruptedException {
        pause(device.latency());
    }

    /**
     * Writes {@code lines}; returns {@code false} when the device dropped the connection instead (the caller then
     * stops).
     */
    boolean writeLines(List<String> lines) throws IOException, InterruptedException {
        // only a command that prints something is dropped in the middle: paging off at login still answers
        if (device.fault() == Fault.DROP_MID_COMMAND && !lines.isEmpty()) {
            for (String line : lines.subList(0, Math.min(3, lines.size()))) {
                write(line + newline);
            }
            device.dropConnections();
            return false;
        }
        if (device.fault() == Fault.SLOW_OUTPUT) {
            for (String line : lines) {
                write(line + newline);
                pause(device.slowLineDelay());
            }
            return true;
        }
        StringBuilder all = new StringBuilder();
        lines.forEach(line -> all.append(line).append(newline));
        write(all.toString());
        return true;
    }

    /**
     * Writes numbered lines until the client closes the channel (the write then fails): output that never ends,
     * without ever holding more than one block of it.
     */
    void endless() throws IOException {
        StringBuilder block = new StringBuilder();
        for (long line = 1; ; line++) {
            block.append("endless output line ").append(line).append(newline);
            if (block.length() >= 32 * 1024) {
                write(block.toString());
                block.setLength(0);
            }
        }
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(trimmed.split("\n", -1));
    }

    /** Simulated device time passing (latency, slow output): part of the behaviour under test, not a wait for a race. */
    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    }
}
