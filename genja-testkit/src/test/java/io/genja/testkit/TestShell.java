package io.genja.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * A plain MINA shell on a simulated device, for tests, with paging turned off as a client does at login:
 * {@link #send} writes a line and returns what the device
 * printed up to its next prompt or question (a text ending in {@code #}, {@code >}, {@code ?}, {@code :} or
 * {@code ]}, perhaps with a space), without the echo.
 */
final class TestShell implements AutoCloseable {

    private static final Pattern WAITING = Pattern.compile("[#>?:\\])] ?\\z");

    private final SshClient client;
    private final ClientSession session;
    private final ChannelShell shell;
    private final Received received = new Received();
    private final OutputStream in;
    private int read;

    TestShell(SimulatedDevice device) throws Exception {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        session = client.connect(device.username(), "127.0.0.1", device.port()).verify(Duration.ofSeconds(10))
                .getSession();
        session.addPasswordIdentity(device.password());
        session.auth().verify(Duration.ofSeconds(10));
        shell = session.createShellChannel();
        shell.setOut(received);
        shell.open().verify(Duration.ofSeconds(10));
        in = shell.getInvertedIn();
        String banner = received.awaitTail(0, WAITING);
        read = banner.length();
        for (String pagingOff : device.simulatedPlatform().profile().pagingOff()) {
            send(pagingOff); // as a client does at login
        }
    }

    /** The prompt the device printed last (the last line received). */
    String prompt() {
        String text = received.text();
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    /** Sends {@code line}; returns the output (without the echoed line) and the prompt or question after it. */
    String send(String line) throws Exception {
        in.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        in.flush();
        String text = received.awaitTail(read, WAITING);
        read += text.length();
        int echoEnd = text.indexOf("\r\n");
        return (echoEnd < 0 ? text : text.substring(echoEnd + 2)).replace("\r\n", "\n");
    }

    /** Sends {@code line} and returns the output alone, without the prompt line after it. */
    String output(String line) throws Exception {
        String text = send(line);
        return text.substring(0, text.lastIndexOf('\n') + 1);
    }

    /** Sends {@code line} and waits until the device closes the connection. */
    void sendAndExpectDrop(String line) throws Exception {
        in.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        in.flush();
        if (shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10))
                .contains(ClientChannelEvent.TIMEOUT)) {
            throw new AssertionError("the device did not drop the session after \"" + line + "\"");
        }
    }

    boolean isOpen() {
        return shell.isOpen() && session.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            shell.close(true);
            session.close(true);
        } finally {
            client.stop();
        }
    }

    /** What the shell received; {@link #awaitTail} wakes up on each write instead of polling. */
    private static final class Received extends ByteArrayOutputStream {

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }

        /** Waits (bounded) until the text received after {@code from} ends with {@code tail}; returns it. */
        synchronized String awaitTail(int from, Pattern tail) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                String text = text().substring(from);
                if (tail.matcher(text).find()) {
                    return text;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no prompt or question arrived; received: " + text);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
