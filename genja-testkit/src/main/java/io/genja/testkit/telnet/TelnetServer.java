package io.genja.testkit.telnet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;

/**
 * A Telnet server on {@code 127.0.0.1} for simulated devices: negotiates the few options a device does (it echoes,
 * and leaves out the password), asks for the user and the password the way the device's platform does, and hands
 * each logged-in connection to the device's shell. A wrong login is refused with the platform's message and asked
 * again, three times at most, as devices do. Cleartext, as Telnet is: for tests only.
 *
 * <pre>{@code
 * TelnetServer server = TelnetServer.start(login, shell, executor, listener);
 * int port = server.port();
 * }</pre>
 */
public final class TelnetServer implements AutoCloseable {

    /** Attempts a client gets before the server hangs up. */
    static final int LOGIN_ATTEMPTS = 3;

    /**
     * How the device asks for the credentials and checks them.
     *
     * @param usernamePrompt e.g. {@code Username: }
     * @param passwordPrompt e.g. {@code Password: }
     * @param failure what a refused login prints, e.g. {@code % Login invalid}
     * @param accepts whether a user and password may log in
     */
    public record Login(String usernamePrompt, String passwordPrompt, String failure,
                        BiPredicate<String, String> accepts) {
        public Login {
            Objects.requireNonNull(usernamePrompt, "usernamePrompt");
            Objects.requireNonNull(passwordPrompt, "passwordPrompt");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(accepts, "accepts");
        }
    }

    /** The device's shell, served on one logged-in connection. */
    public interface Shell {
        /**
         * Runs the shell until it ends.
         *
         * @param in what the client types, Telnet commands taken out
         * @param out what the device prints
         * @param echo whether the device echoes what is typed now (the client agreed)
         * @param hangUp closes this connection, as a device that drops it does
         */
        void serve(InputStream in, OutputStream out, BooleanSupplier echo, Runnable hangUp)
                throws IOException, InterruptedException;
    }

    /** Hears of connections opening and closing (a device counts its sessions). */
    public interface Listener {
        void opened();

        void closed();
    }

    private final ServerSocket listening;
    private final Login login;
    private final Shell shell;
    private final Executor executor;
    private final Listener listener;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private TelnetServer(ServerSocket listening, Login login, Shell shell, Executor executor, Listener listener) {
        this.listening = listening;
        this.login = login;
        this.shell = shell;
        this.executor = executor;
        this.listener = listener;
    }

    /** Starts listening on a free port of {@code 127.0.0.1}; each connection runs on {@code executor}. */
    public static TelnetServer start(Login login, Shell shell, Executor executor, Listener listener) throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TelnetServer server = new TelnetServer(socket, login, shell, executor, listener);
        executor.execute(server::accept);
        return server;
    }

    public int port() {
        return listening.getLocalPort();
    }

    /** Connections open right now. */
    public int openConnections() {
        return connections.size();
    }

    /** Closes every connection at once, as a device that crashes does. */
    public void dropConnections() {
        connections.forEach(TelnetServer::closeQuietly);
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closeQuietly(listening);
        dropConnections();
    }

    private void accept() {
        while (!listening.isClosed()) {
            Socket socket;
            try {
                socket = listening.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.add(socket);
            listener.opened();
            executor.execute(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            TelnetStreams telnet = new TelnetStreams(socket.getInputStream(), socket.getOutputStream());
            telnet.offer();
            if (logIn(telnet)) {
                shell.serve(telnet.in(), telnet.out(), telnet::serverEchoes, () -> closeQuietly(socket));
            }
        } catch (IOException e) {
            // the client left, or the device dropped the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (connections.remove(socket)) {
                listener.closed();
            }
        }
    }

    /** Asks for the credentials until they are right, at most {@link #LOGIN_ATTEMPTS} times. */
    private boolean logIn(TelnetStreams telnet) throws IOException {
        OutputStream out = telnet.out();
        for (int attempt = 1; attempt <= LOGIN_ATTEMPTS; attempt++) {
            write(out, login.usernamePrompt());
            String user = readLine(telnet, telnet::serverEchoes);
            if (user == null) {
                return false;
            }
            write(out, login.passwordPrompt());
            String password = readLine(telnet, () -> false); // never echoed
            if (password == null) {
                return false;
            }
            if (login.accepts().test(user, password)) {
                return true;
            }
            write(out, login.failure() + "\r\n\r\n");
        }
        return false;
    }

    /**
     * One line the client typed, each byte echoed when {@code echo} says so as it arrives (the client's agreement may
     * arrive with the first bytes); the line end is echoed always.
     */
    private static String readLine(TelnetStreams telnet, BooleanSupplier echo) throws IOException {
        InputStream in = telnet.in();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\r' || b == '\n') {
                write(telnet.out(), "\r\n");
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
            if (echo.getAsBoolean()) {
                telnet.out().write(b);
                telnet.out().flush();
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
