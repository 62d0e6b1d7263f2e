package io.genja.testkit.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.testkit.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A simulated Telnet device spoken to byte by byte, as a client that knows the protocol would: the options it offers
 * and refuses, the login with the password left out of the echo, and the same shell as over SSH.
 */
@Timeout(60)
class TelnetServerTest {

    private static final int IAC = 255;
    private static final int WILL = 251;
    private static final int WONT = 252;
    private static final int DO = 253;
    private static final int DONT = 254;
    private static final int ECHO = 1;
    private static final int SUPPRESS_GO_AHEAD = 3;
    private static final int TERMINAL_TYPE = 24;
    private static final int WINDOW_SIZE = 31;

    @Test
    void negotiatesEchoLeavesThePasswordOutAndServesTheShell() throws Exception {
        try (SimulatedDevice device = SimulatedDevice.builder("r1").telnet().credentials("admin", "s3cret-pw")
                .build().start();
             Socket socket = connect(device)) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] greeting = readUntil(in, "Username: ");
            assertThat(greeting).as("offers to echo and to suppress go-ahead")
                    .containsSubsequence(bytes(IAC, WILL, ECHO)).containsSubsequence(bytes(IAC, WILL, SUPPRESS_GO_AHEAD));

            out.write(bytes(IAC, DO, ECHO, IAC, DO, SUPPRESS_GO_AHEAD, IAC, DO, TERMINAL_TYPE, IAC, WILL, WINDOW_SIZE));
            out.write("admin\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] afterUser = readUntil(in, "Password: ");
            assertThat(afterUser).as("refuses what it does not have, or does not want")
                    .containsSubsequence(bytes(IAC, WONT, TERMINAL_TYPE))
                    .containsSubsequence(bytes(IAC, DONT, WINDOW_SIZE));
            assertThat(text(afterUser)).contains("admin\r\n");

            out.write(bytes('s', '3', 'c', 'r', 'e', 't', '-', 'p', 'w', '\r', 0)); // CR NUL ends a line too
            String shell = text(readUntil(in, "r1#"));
            assertThat(shell).doesNotContain("s3cret-pw").endsWith("\r\n\r\nr1#");

            out.write("show version\r\n".getBytes(StandardCharsets.US_ASCII));
            String firstPage = text(readUntil(in, " --More-- ")); // paging is on until terminal length 0
            assertThat(firstPage).startsWith("show version\r\n").contains(device.showVersion().lines().findFirst()
                    .orElseThrow());
            out.write(' ');
            assertThat(text(readUntil(in, "r1#"))).contains(device.showVersion().strip().lines()
                    .reduce((first, second) -> second).orElseThrow());
            assertThat(device.commands()).containsExactly("show version");
            assertThat(device.openSessions()).isEqualTo(1);
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithThePlatformsMessageAndAskedAgain() throws Exception {
        try (SimulatedDevice device = SimulatedDevice.builder("r2").telnet().credentials("admin", "right")
                .build().start();
             Socket socket = connect(device)) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            readUntil(in, "Username: ");
            out.write("admin\r\n".getBytes(StandardCharsets.US_ASCII));
            readUntil(in, "Password: ");
            out.write("wrong\r\n".getBytes(StandardCharsets.US_ASCII));
            String refused = text(readUntil(in, "Username: "));
            assertThat(refused).contains("% Login invalid").doesNotContain("wrong");
            assertThat(device.commands()).isEmpty();
        }
    }

    @Test
    void closingTheConnectionEndsTheSession() throws Exception {
        try (SimulatedDevice device = SimulatedDevice.builder("r3").telnet().build().start()) {
            try (Socket socket = connect(device)) {
                readUntil(socket.getInputStream(), "Username: ");
                assertThat(device.awaitOpenSessions(1, Duration.ofSeconds(10))).isTrue();
            }
            assertThat(device.awaitOpenSessions(0, Duration.ofSeconds(10))).isTrue();
        }
    }

    private static Socket connect(SimulatedDevice device) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), device.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Reads until what arrived ends with {@code text} (Telnet commands included), failing after the socket timeout. */
    private static byte[] readUntil(InputStream in, String text) throws IOException {
        ByteArrayOutputStream arrived = new ByteArrayOutputStream();
        while (!arrived.toString(StandardCharsets.ISO_8859_1).endsWith(text)) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no \"" + text + "\" after " + text(arrived.toByteArray()), e);
            }
            if (b < 0) {
                throw new AssertionError("closed before \"" + text + "\"; received " + text(arrived.toByteArray()));
            }
            arrived.write(b);
        }
        return arrived.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
