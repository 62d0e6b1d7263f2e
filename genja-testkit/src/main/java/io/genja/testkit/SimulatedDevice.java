package io.genja.testkit;

import io.genja.device.PlatformProfile;
import io.genja.testkit.telnet.TelnetServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * A network device played by an in-process MINA SSHD server on {@code 127.0.0.1} (or, {@linkplain Builder#telnet()
 * built for Telnet}, a Telnet server asking its platform's login questions): it logs users in by
 * password, public key or keyboard-interactive, answers {@code show version}, {@code show running-config} and
 * friends as its platform would, pages output, and misbehaves on request ({@link Fault}). Prompts, paging and error
 * texts come from the platform's profile (genja-device, the file the ssh plugin reads too), command outputs from
 * the optional {@code META-INF/genja/simulated/<platform>.yaml}: any platform with a profile can be played.
 *
 * <pre>{@code
 * try (SimulatedDevice router = SimulatedDevice.builder("r1").platform(DevicePlatform.CISCO_IOS).build().start()) {
 *     int port = router.port();
 * }
 * }</pre>
 *
 * <p>Most tests use a {@link DeviceFleet}, which starts many devices and hands back an inventory.
 * The running configuration is mutable ({@link #setRunningConfig}) so a test can show a change. On the platforms
 * whose simulated outputs describe their configuration (cisco_ios, cisco_iosxr, juniper_junos, arista_eos,
 * cisco_nxos) the device's configuration really changes through its CLI: {@code configure terminal}, lines,
 * {@code commit}, {@code copy running-config startup-config}, ...; tests read the state with
 * {@link #runningConfig()}, {@link #startupConfig()}, {@link #candidateConfig()}, {@link #commitHistory()},
 * {@link #rollbacks()} and {@link #shellLevels()} (docs/testing.md, "Devices that change").
 */
public final class SimulatedDevice implements AutoCloseable {

    private final String name;
    private final DevicePlatform platform;
    private final SimulatedPlatform simulated;
    private final String username;
    private final String password;
    private final Set<AuthMethod> authMethods;
    private final List<PublicKey> authorizedKeys;
    private final Fault fault;
    private final Duration latency;
    private final Duration slowLineDelay;
    private final KeyPair hostKey;
    private final List<String> kexAlgorithms;
    private final List<String> hostKeyAlgorithms;
    private final List<String> ciphers;
    private final List<String> macs;
    private final Duration idleTimeout;
    private final boolean telnet;

    private final DeviceConfig config;
    private final String enableSecret;
    private final int dropAfterConfigLines;
    private final boolean dropOnCommit;
    private final LineRules lineRules;
    private final Map<String, Duration> commandDelays;
    private final Set<DeviceCli> shells = ConcurrentHashMap.newKeySet();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> environments = new CopyOnWriteArrayList<>();
    /** The sessions open now; a set, so a session closed twice (IOS after an exec) is counted once. */
    private final Set<Session> openSessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger keepalivesReceived = new AtomicInteger();
    private final List<Socket> silentSockets = new CopyOnWriteArrayList<>();

    private volatile Object sessionMonitor = this;
    /** The device's files, served over SFTP and SCP; created when its SSH server starts. */
    private volatile DeviceFiles files;
    private ExecutorService executor;
    private SshServer server;
    private KeyPair activeHostKey;
    private ServerSocket silentServer;
    private TelnetServer telnetServer;
    private int port;

    private SimulatedDevice(Builder b) {
        this.name = b.name;
        this.platform = b.platform;
        this.simulated = SimulatedPlatform.of(b.platformName);
        this.username = b.username;
        this.password = b.password;
        this.authMethods = Collections.unmodifiableSet(EnumSet.copyOf(b.authMethods));
        this.authorizedKeys = List.copyOf(b.authorizedKeys);
        this.fault = b.fault;
        this.latency = b.latency;
        this.slowLineDelay = b.slowLineDelay;
        this.hostKey = b.hostKey;
        this.kexAlgorithms = List.copyOf(b.kexAlgorithms);
        this.hostKeyAlgorithms = List.copyOf(b.hostKeyAlgorithms);
        this.ciphers = List.copyOf(b.ciphers);
        this.macs = List.copyOf(b.macs);
        this.idleTimeout = b.idleTimeout;
        this.telnet = b.telnet;
        this.enableSecret = b.enableSecret;
        if (enableSecret != null && (simulated.profile().privilege().enable() == null
                || simulated.profile().privilege().level("user").isEmpty())) {
            throw new IllegalArgumentException("platform " + simulated.profile().name() + " has no enable (its profile"
                    + " describes no user level and enable command), so device " + name + " cannot have an enable secret");
        }
        this.dropAfterConfigLines = b.dropAfterConfigLines;
        this.dropOnCommit = b.dropOnCommit;
        this.lineRules = new LineRules(b.acceptedLines, b.rejectedLines);
        this.commandDelays = Map.copyOf(b.commandDelays);
        this.config = new DeviceConfig(simulated.dialect(),
                b.runningConfig != null ? b.runningConfig : simulated.runningConfig(name), b.timerSecond);
    }

    /** A device called {@code name} (also its hostname and prompt); a Cisco IOS device unless told otherwise. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Starts listening on {@code 127.0.0.1} on a free port; returns this device. */
    public SimulatedDevice start() {
        return start(this, hostKey != null ? hostKey : newHostKey());
    }

    /** Starts with a host key and a monitor shared with the other devices of a fleet. */
    synchronized SimulatedDevice start(Object monitor, KeyPair fleetHostKey) {
        if (executor != null) {
            throw new IllegalStateException("device " + name + " is already started");
        }
        this.sessionMonitor = monitor;
        this.executor = Executors.newCachedThreadPool(daemonThreads(name));
        try {
            if (fault == Fault.NO_BANNER) {
                startSilent();
            } else if (telnet) {
                startTelnet();
            } else {
                startSsh(hostKey != null ? hostKey : fleetHostKey);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start simulated device " + name + " on 127.0.0.1", e);
        }
        return this;
    }

    private void startSsh(KeyPair key) throws IOException {
        activeHostKey = key;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        // One NIO thread per device keeps a fleet of hundreds of devices cheap.
        CoreModuleProperties.NIO_WORKERS.set(server, 1);
        server.setKeyPairProvider(KeyPairProvider.wrap(key));
        if (!kexAlgorithms.isEmpty()) {
            server.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false,
                    kexAlgorithms.stream().map(BuiltinDHFactories::fromFactoryName).toList(), ServerBuilder.DH2KEX));
        }
        if (!hostKeyAlgorithms.isEmpty()) {
            server.setSignatureFactories(hostKeyAlgorithms.stream()
                    .<NamedFactory<org.apache.sshd.common.signature.Signature>>map(BuiltinSignatures::fromFactoryName)
                    .toList());
        }
        if (!ciphers.isEmpty()) {
            server.setCipherFactories(ciphers.stream()
                    .<NamedFactory<org.apache.sshd.common.cipher.Cipher>>map(BuiltinCiphers::fromFactoryName).toList());
        }
        if (!macs.isEmpty()) {
            server.setMacFactories(macs.stream()
                    .<NamedFactory<org.apache.sshd.common.mac.Mac>>map(BuiltinMacs::fromFactoryName).toList());
        }
        if (!idleTimeout.isZero()) {
            CoreModuleProperties.IDLE_TIMEOUT.set(server, idleTimeout);
        }
        List<RequestHandler<ConnectionService>> globalRequests = new ArrayList<>();
        globalRequests.add(new KeepaliveAnswer(keepalivesReceived, fault != Fault.IGNORE_KEEPALIVES));
        globalRequests.addAll(ServerBuilder.DEFAULT_GLOBAL_REQUEST_HANDLERS);
        server.setGlobalRequestHandlers(globalRequests);
        server.setPasswordAuthenticator((user, pass, session) -> fault != Fault.REFUSE_AUTH
                && authMethods.contains(AuthMethod.PASSWORD) && username.equals(user) && password.equals(pass));
        server.setPublickeyAuthenticator((user, key1, session) -> fault != Fault.REFUSE_AUTH
                && authMethods.contains(AuthMethod.PUBLIC_KEY) && username.equals(user)
                && authorizedKeys.stream().anyMatch(k -> k.equals(key1)));
        server.setKeyboardInteractiveAuthenticator(new KeyboardInteractiveAuthenticator() {
            @Override
            public InteractiveChallenge generateChallenge(ServerSession session, String user, String lang,
                                                          String subMethods) {
                if (!authMethods.contains(AuthMethod.KEYBOARD_INTERACTIVE)) {
                    return null;
                }
                InteractiveChallenge challenge = new InteractiveChallenge();
                challenge.setInteractionName("");
                challenge.setInteractionInstruction("");
                challenge.addPrompt("Password: ", false);
                return challenge;
            }

            @Override
            public boolean authenticate(ServerSession session, String user, List<String> responses) {
                return fault != Fault.REFUSE_AUTH && username.equals(user) && responses.size() == 1
                        && password.equals(responses.get(0));
            }
        });
        server.setShellFactory(channel -> new ShellSession(this));
        files = DeviceFiles.create(name, simulated.profile().files(), fault == Fault.CORRUPT_FILE_WRITES);
        files.serve(server, (channel, command) -> new ExecSession(this, command));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                events.add(DeviceEvent.now(DeviceEvent.Kind.SESSION_OPENED, ""));
                openSessions.add(session);
                sessionsChanged();
            }

            @Override
            public void sessionClosed(Session session) {
                if (openSessions.remove(session)) {
                    events.add(DeviceEvent.now(DeviceEvent.Kind.SESSION_CLOSED, ""));
                }
                sessionsChanged();
            }
        });
        server.start();
        port = server.getPort();
    }

    /**
     * Serves the same shell over Telnet: the login asks the platform profile's questions ({@code login:} section) and
     * takes the device's credentials; a {@link Fault#REFUSE_AUTH} device refuses every login.
     */
    private void startTelnet() throws IOException {
        PlatformProfile.Login prompts = simulated.profile().login();
        TelnetServer.Login login = new TelnetServer.Login(prompts.usernameSample(), prompts.passwordSample(),
                prompts.failureSample(), (user, pass) -> fault != Fault.REFUSE_AUTH
                        && authMethods.contains(AuthMethod.PASSWORD) && username.equals(user) && password.equals(pass));
        TelnetServer.Shell shell = (in, out, echo, hangUp) -> {
            DeviceCli cli = new DeviceCli(this);
            shellOpened(cli);
            try {
                new TerminalShell(this, cli, in, out, echo, hangUp).run();
            } finally {
                shellClosed(cli);
            }
        };
        telnetServer = TelnetServer.start(login, shell, executor, new TelnetServer.Listener() {
            @Override
            public void opened() {
                events.add(DeviceEvent.now(DeviceEvent.Kind.SESSION_OPENED, ""));
                sessionsChanged();
            }

            @Override
            public void closed() {
                events.add(DeviceEvent.now(DeviceEvent.Kind.SESSION_CLOSED, ""));
                sessionsChanged();
            }
        });
        port = telnetServer.port();
    }

    /** Accepts TCP connections and never says a word; a connection counts as a session until the client leaves. */
    private void startSilent() throws IOException {
        silentServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        port = silentServer.getLocalPort();
        ServerSocket listening = silentServer;
        executor.execute(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket socket = listening.accept();
                    silentSockets.add(socket);
                    sessionsChanged();
                    executor.execute(() -> drainUntilClosed(socket));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    private void drainUntilClosed(Socket socket) {
        try (socket; InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[1024];
            while (in.read(buffer) >= 0) {
                // a silent device reads and ignores everything
            }
        } catch (IOException e) {
            // the peer or close() ended the connection
        } finally {
            silentSockets.remove(socket);
            sessionsChanged();
        }
    }

    private void sessionsChanged() {
        synchronized (sessionMonitor) {
            sessionMonitor.notifyAll();
        }
    }

    /** Closes every connection at once, as a device that crashes or a link that fails does. */
    void dropConnections() {
        SshServer running = server;
        if (running != null && running.isStarted()) {
            running.getActiveSessions().forEach(s -> s.close(true));
        }
        TelnetServer telnetRunning = telnetServer;
        if (telnetRunning != null) {
            telnetRunning.dropConnections();
        }
        for (Socket socket : silentSockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /** Stops the server and closes every session. */
    @Override
    public synchronized void close() {
        dropConnections();
        try {
            if (server != null) {
                server.stop(true);
            }
            if (silentServer != null) {
                silentServer.close();
            }
            if (telnetServer != null) {
                telnetServer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop simulated device " + name, e);
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
            if (files != null) {
                files.close();
            }
            server = null;
            silentServer = null;
            telnetServer = null;
        }
    }

    public String name() {
        return name;
    }

    /**
     * The platform as a constant; {@code null} for a platform that has a profile but no constant (see
     * {@link #platformName()}).
     */
    public DevicePlatform platform() {
        return platform;
    }

    /** The name of the platform profile this device plays, e.g. {@code cisco_ios}; its inventory platform. */
    public String platformName() {
        return simulated.profile().name();
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Fault fault() {
        return fault;
    }

    public Set<AuthMethod> authMethods() {
        return authMethods;
    }

    /** The port the device listens on, once started. */
    public int port() {
        if (port == 0) {
            throw new IllegalStateException("device " + name + " is not started");
        }
        return port;
    }

    /** The device's SSH host key ({@code null} for a {@link Fault#NO_BANNER} device, which has none). */
    public PublicKey hostPublicKey() {
        return activeHostKey == null ? null : activeHostKey.getPublic();
    }

    /** SSH sessions (or Telnet connections, or silent TCP connections) open right now; never negative. */
    public int openSessions() {
        TelnetServer telnetRunning = telnetServer;
        return openSessions.size() + silentSockets.size() + (telnetRunning == null ? 0 : telnetRunning.openConnections());
    }

    /** Whether the device serves its CLI over Telnet ({@link Builder#telnet()}) instead of SSH. */
    public boolean telnet() {
        return telnet;
    }

    /**
     * Waits until exactly {@code count} sessions are open on this device; a server learns that a client left (or
     * arrived) a moment after it did.
     *
     * @return {@code true} when {@code count} are open, {@code false} when that did not happen within {@code timeout}
     */
    public boolean awaitOpenSessions(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object monitor = sessionMonitor;
        synchronized (monitor) {
            while (openSessions() != count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** Every command the device received, in order, across all sessions. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /**
     * Sessions opened and closed and commands received, in order, numbered across all devices: what a test reads to
     * tell which device was touched first.
     */
    public List<DeviceEvent> events() {
        return List.copyOf(events);
    }

    /** The environment of every exec or shell request, in order (what the client sent with {@code env}). */
    public List<Map<String, String>> environments() {
        return List.copyOf(environments);
    }

    /** The keep-alive requests ({@code keepalive@...} global requests) the device received, across all sessions. */
    public int keepalivesReceived() {
        return keepalivesReceived.get();
    }

    /** What {@code show running-config} prints (Junos: {@code show configuration}): the configuration now. */
    public String runningConfig() {
        return config.runningText();
    }

    /**
     * Changes what {@code show running-config} prints from now on (on Junos, a configuration in its braced form, as
     * {@code show configuration} prints it).
     */
    public void setRunningConfig(String runningConfig) {
        config.setRunning(Objects.requireNonNull(runningConfig, "runningConfig"));
    }

    /**
     * What {@code show startup-config} prints: the configuration the device comes back with after a reload (the
     * initial running configuration until a save; on IOS-XR and Junos, the last commit kept).
     */
    public String startupConfig() {
        return config.startupText();
    }

    /**
     * The candidate configuration a session is editing now (IOS-XR, Junos, an EOS session), the one changed most
     * recently when several are; empty when no session edits one.
     */
    public Optional<String> candidateConfig() {
        return config.candidateText();
    }

    /** The commits on this device, first first, each with its current status. */
    public List<Commit> commitHistory() {
        return config.commits();
    }

    /** The rollbacks on this device, first first: timers that ran out, rollback commands, checkpoints restored. */
    public List<Rollback> rollbacks() {
        return config.rollbacks();
    }

    /** The NX-OS checkpoints taken ({@code checkpoint NAME}), by name. */
    public List<String> checkpoints() {
        return config.checkpoints();
    }

    /** How many times the device reloaded ({@code reload} answered yes). */
    public int reloads() {
        return config.reloads();
    }

    /** The privilege level of each shell session open now, e.g. {@code [CONFIG]} for one left in config mode. */
    public List<ShellLevel> shellLevels() {
        return shells.stream().map(DeviceCli::level).toList();
    }

    /**
     * The content of the file the device calls {@code devicePath} ({@code flash:image.bin}, {@code /tmp/a.txt}), as
     * copied there over SFTP or SCP or put there with {@link #putFile}; empty when there is none.
     */
    public Optional<byte[]> file(String devicePath) {
        return startedFiles().read(devicePath);
    }

    /** Puts a file on the device, as if copied there earlier: for downloads, and copies that find it already there. */
    public void putFile(String devicePath, byte[] content) {
        startedFiles().write(devicePath, Objects.requireNonNull(content, "content"));
    }

    /** The device's files; empty until its SSH server starts (a CLI played without a server has none). */
    Optional<DeviceFiles> files() {
        return Optional.ofNullable(files);
    }

    private DeviceFiles startedFiles() {
        return files().orElseThrow(() -> new IllegalStateException("device " + name
                + " is not started, so it has no files yet"));
    }

    /** What {@code show version} prints. */
    public String showVersion() {
        return simulated.showVersion(this);
    }

    Duration latency() {
        return latency;
    }

    Duration slowLineDelay() {
        return slowLineDelay;
    }

    SimulatedPlatform simulatedPlatform() {
        return simulated;
    }

    DeviceConfig deviceConfig() {
        return config;
    }

    String enableSecret() {
        return enableSecret;
    }

    int dropAfterConfigLines() {
        return dropAfterConfigLines;
    }

    boolean dropOnCommit() {
        return dropOnCommit;
    }

    LineRules lineRules() {
        return lineRules;
    }

    /** How long the device works on {@code command} before it answers ({@link Builder#commandDelay}). */
    Duration commandDelay(String command) {
        return commandDelays.getOrDefault(commandKey(command), Duration.ZERO);
    }

    private static String commandKey(String command) {
        return command.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    void shellOpened(DeviceCli cli) {
        shells.add(cli);
    }

    void shellClosed(DeviceCli cli) {
        shells.remove(cli);
    }

    ExecutorService executor() {
        return executor;
    }

    void recordCommand(String command) {
        events.add(DeviceEvent.now(DeviceEvent.Kind.COMMAND, command));
        commands.add(command);
    }

    void recordEnvironment(Map<String, String> env) {
        environments.add(Map.copyOf(env));
    }

    static KeyPair newHostKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate an EC P-256 host key", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "simulated-" + name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        return "SimulatedDevice[" + name + ", " + platformName() + (telnet ? ", telnet" : "") + ", port=" + port
                + ", fault=" + fault + "]";
    }

    /** Configures a {@link SimulatedDevice}. */
    public static final class Builder {
        private final String name;
        private DevicePlatform platform = DevicePlatform.CISCO_IOS;
        private String platformName = DevicePlatform.CISCO_IOS.inventoryName();
        private String username = "admin";
        private String password = "admin";
        private Set<AuthMethod> authMethods = EnumSet.allOf(AuthMethod.class);
        private final List<PublicKey> authorizedKeys = new ArrayList<>();
        private Fault fault = Fault.NONE;
        private Duration latency = Duration.ZERO;
        private Duration slowLineDelay = Duration.ofMillis(200);
        private KeyPair hostKey;
        private String runningConfig;
        private List<String> kexAlgorithms = List.of();
        private List<String> hostKeyAlgorithms = List.of();
        private List<String> ciphers = List.of();
        private List<String> macs = List.of();
        private Duration idleTimeout = Duration.ZERO;
        private String enableSecret;
        private Duration timerSecond = Duration.ofSeconds(1);
        private int dropAfterConfigLines = Integer.MAX_VALUE;
        private boolean dropOnCommit;
        private final List<java.util.regex.Pattern> acceptedLines = new ArrayList<>();
        private final List<java.util.regex.Pattern> rejectedLines = new ArrayList<>();
        private final Map<String, Duration> commandDelays = new java.util.HashMap<>();
        private boolean telnet;

        private Builder(String name) {
            if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("device name must match [A-Za-z0-9_.-]+, got: " + name);
            }
            this.name = name;
        }

        public Builder platform(DevicePlatform platform) {
            this.platform = Objects.requireNonNull(platform, "platform");
            this.platformName = platform.inventoryName();
            return this;
        }

        /**
         * Plays any platform that has a profile on the class path, by name or alias (e.g. {@code arista_eos}, or a
         * profile a test adds as a resource).
         *
         * @throws IllegalArgumentException when no profile is called {@code nameOrAlias}, listing the known ones
         */
        public Builder platform(String nameOrAlias) {
            SimulatedPlatform known = SimulatedPlatform.of(Objects.requireNonNull(nameOrAlias, "platform"));
            this.platformName = known.profile().name();
            this.platform = java.util.Arrays.stream(DevicePlatform.values())
                    .filter(p -> p.inventoryName().equals(platformName)).findFirst().orElse(null);
            return this;
        }

        /** The one user the device knows; {@code admin}/{@code admin} unless set. */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** The authentication methods the device accepts; all three unless set. */
        public Builder authMethods(AuthMethod... methods) {
            this.authMethods = methods.length == 0 ? EnumSet.noneOf(AuthMethod.class) : EnumSet.copyOf(List.of(methods));
            return this;
        }

        /** A public key the user may log in with. */
        public Builder authorizedKey(PublicKey key) {
            authorizedKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        public Builder fault(Fault fault) {
            this.fault = Objects.requireNonNull(fault, "fault");
            return this;
        }

        /** How long the device thinks before it answers each command. */
        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /** The pause between lines under {@link Fault#SLOW_OUTPUT}; 200 ms unless set. */
        public Builder slowLineDelay(Duration delay) {
            this.slowLineDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** The SSH host key; a fleet's shared key (or a fresh one) unless set. */
        public Builder hostKey(KeyPair hostKey) {
            this.hostKey = Objects.requireNonNull(hostKey, "hostKey");
            return this;
        }

        /** The initial running configuration; a generated one of a few hundred lines unless set. */
        public Builder runningConfig(String runningConfig) {
            this.runningConfig = Objects.requireNonNull(runningConfig, "runningConfig");
            return this;
        }

        /**
         * Restricts the key exchanges the device offers, e.g. {@code "diffie-hellman-group14-sha1"} to play an old
         * device; all of MINA's defaults unless set.
         */
        public Builder kexAlgorithms(String... names) {
            this.kexAlgorithms = known("key exchange", names, BuiltinDHFactories::fromFactoryName,
                    BuiltinDHFactories.VALUES);
            return this;
        }

        /**
         * Restricts the host key signatures the device offers, e.g. {@code "ssh-rsa"} (RSA with SHA-1) with an RSA
         * {@link #hostKey} to play an old device; all of MINA's defaults unless set.
         */
        public Builder hostKeyAlgorithms(String... names) {
            this.hostKeyAlgorithms = known("host key algorithm", names, BuiltinSignatures::fromFactoryName,
                    BuiltinSignatures.VALUES);
            return this;
        }

        /** Restricts the ciphers the device offers, e.g. {@code "aes128-cbc"}; all of MINA's defaults unless set. */
        public Builder ciphers(String... names) {
            this.ciphers = known("cipher", names, BuiltinCiphers::fromFactoryName, BuiltinCiphers.VALUES);
            return this;
        }

        /** Restricts the MACs the device offers, e.g. {@code "hmac-sha1-96"}; all of MINA's defaults unless set. */
        public Builder macs(String... names) {
            this.macs = known("MAC", names, BuiltinMacs::fromFactoryName, BuiltinMacs.VALUES);
            return this;
        }

        /**
         * Closes a session after it has been idle this long (nothing received from the client), as IOS's
         * {@code exec-timeout} does; never unless set.
         */
        public Builder idleTimeout(Duration idleTimeout) {
            if (Objects.requireNonNull(idleTimeout, "idleTimeout").isNegative()) {
                throw new IllegalArgumentException("idleTimeout must not be negative, got " + idleTimeout);
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * The enable secret: sessions then log in at the user level ({@code r1>}) and {@code enable} asks for it
         * ({@code Password:}); a wrong one gets the platform's refusal ({@code % Access denied}). Only for platforms
         * whose profile describes a user level and an enable command (IOS, EOS).
         */
        public Builder enableSecret(String secret) {
            this.enableSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * How long one second of the device's timers lasts: a commit-confirmed of 5 minutes with
         * {@code timerSecond(Duration.ofMillis(2))} rolls back after 600 ms, so tests need not wait minutes. One
         * real second unless set.
         */
        public Builder timerSecond(Duration oneDeviceSecond) {
            if (Objects.requireNonNull(oneDeviceSecond, "oneDeviceSecond").isNegative() || oneDeviceSecond.isZero()) {
                throw new IllegalArgumentException("timerSecond must be positive, got " + oneDeviceSecond);
            }
            this.timerSecond = oneDeviceSecond;
            return this;
        }

        /**
         * A fault during a change: a session that sends more than {@code lines} configuration lines is dropped
         * when the next one arrives (the first {@code lines} are applied, that one is not). Never unless set.
         */
        public Builder dropAfterConfigLines(int lines) {
            if (lines < 0) {
                throw new IllegalArgumentException("dropAfterConfigLines must not be negative, got " + lines);
            }
            this.dropAfterConfigLines = lines;
            return this;
        }

        /**
         * A fault during a change: every commit is applied (a commit-confirmed starts its timer), then the
         * session is dropped before the device answers, so the client cannot confirm.
         */
        public Builder dropOnCommit() {
            this.dropOnCommit = true;
            return this;
        }

        /** Configuration lines the device also accepts, as regular expressions matching the whole line. */
        public Builder acceptConfigLines(String... regexes) {
            for (String regex : regexes) {
                acceptedLines.add(java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.CASE_INSENSITIVE));
            }
            return this;
        }

        /**
         * Configuration lines the device rejects with its platform's error, whatever its grammar says (regular
         * expressions matching the whole line, e.g. {@code "ntp server 10\\.9\\..*"}).
         */
        public Builder rejectConfigLines(String... regexes) {
            for (String regex : regexes) {
                rejectedLines.add(java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.CASE_INSENSITIVE));
            }
            return this;
        }

        /** Makes {@code command} take {@code delay} before the device answers it (a long-running command). */
        public Builder commandDelay(String command, Duration delay) {
            commandDelays.put(commandKey(Objects.requireNonNull(command, "command")), Objects.requireNonNull(delay, "delay"));
            return this;
        }

        private static List<String> known(String what, String[] names, Function<String, ?> lookup,
                                          Collection<? extends NamedResource> all) {
            for (String name : names) {
                if (lookup.apply(name) == null) {
                    throw new IllegalArgumentException("unknown " + what + " \"" + name + "\"; known: "
                            + all.stream().map(NamedResource::getName).toList());
                }
            }
            return List.of(names);
        }

        /**
         * Serves the device's CLI over Telnet instead of SSH, on {@link #port()}: the same shell (prompts, paging,
         * privilege, configuration), after a login that asks the platform profile's {@code login:} questions
         * ({@code Username:}, {@code Password:}) and refuses wrong credentials with the platform's message. Cleartext:
         * for tests on {@code 127.0.0.1}.
         */
        public Builder telnet() {
            this.telnet = true;
            return this;
        }

        public SimulatedDevice build() {
            return new SimulatedDevice(this);
        }
    }
}
