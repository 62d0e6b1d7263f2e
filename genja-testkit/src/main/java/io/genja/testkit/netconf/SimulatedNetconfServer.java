package io.genja.testkit.netconf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * A NETCONF device on {@code 127.0.0.1}: MINA SSHD's server with the {@code netconf} subsystem (RFC 6242), running and
 * candidate datastores held as XML trees, {@code <edit-config>} with every operation, subtree filters, locks, and
 * confirmed commits whose rollback timer runs on a scalable clock. Advertises base:1.0 and, unless told otherwise,
 * base:1.1 (then sessions whose client advertises it too use chunked framing). Fault modes: {@link NetconfFault}.
 *
 * <pre>{@code
 * try (SimulatedNetconfServer device = SimulatedNetconfServer.builder("r1")
 *         .runningConfig("<system xmlns=\"urn:example:system\"><hostname>r1</hostname></system>").build().start()) {
 *     // connect to 127.0.0.1:device.port() as admin/admin; device.knownHostsLine() trusts its host key
 * }
 * }</pre>
 */
public final class SimulatedNetconfServer implements AutoCloseable {

    static final String BASE_1_0 = "urn:ietf:params:netconf:base:1.0";
    static final String BASE_1_1 = "urn:ietf:params:netconf:base:1.1";

    /** What the server advertises besides the base capabilities. */
    static final List<String> CAPABILITIES = List.of(
            "urn:ietf:params:netconf:capability:writable-running:1.0",
            "urn:ietf:params:netconf:capability:candidate:1.0",
            "urn:ietf:params:netconf:capability:confirmed-commit:1.0",
            "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
            "urn:ietf:params:netconf:capability:validate:1.0",
            "urn:ietf:params:netconf:capability:validate:1.1");

    private final String name;
    private final String username;
    private final String password;
    private final boolean base11;
    private final NetconfFault fault;
    private final String faultOperation;
    private final String xxeTarget;
    private final Duration timerSecond;
    private final KeyPair hostKey;
    private final String initialConfig;
    private final Set<String> keyLeaves;

    private final AtomicInteger sessionIds = new AtomicInteger();
    private final List<NetconfServerSession> sessions = Collections.synchronizedList(new ArrayList<>());
    private final List<String> operationsSeen = Collections.synchronizedList(new ArrayList<>());
    private final List<Boolean> framings = Collections.synchronizedList(new ArrayList<>());
    private final Object monitor = new Object();
    private int rollbacks;
    private Datastores datastores;
    private Operations operations;
    private ExecutorService executor;
    private ScheduledExecutorService timer;
    private SshServer server;

    private SimulatedNetconfServer(Builder b) {
        this.name = b.name;
        this.username = b.username;
        this.password = b.password;
        this.base11 = b.base11;
        this.fault = b.fault;
        this.faultOperation = b.faultOperation;
        this.xxeTarget = b.xxeTarget;
        this.timerSecond = b.timerSecond;
        this.hostKey = b.hostKey != null ? b.hostKey : newHostKey();
        this.initialConfig = b.runningConfig;
        this.keyLeaves = Set.copyOf(b.keyLeaves);
    }

    /** A server called {@code name}, with credentials admin/admin, an empty configuration and both framings. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Starts listening on {@code 127.0.0.1} on a free port; returns this server. */
    public synchronized SimulatedNetconfServer start() {
        if (server != null) {
            throw new IllegalStateException("NETCONF server " + name + " is already started");
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "simulated-netconf-" + name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulated-netconf-" + name + "-timer");
            thread.setDaemon(true);
            return thread;
        });
        datastores = new Datastores(initialConfig, keyLeaves, timer, timerSecond, this::rolledBack);
        operations = new Operations(datastores);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        CoreModuleProperties.NIO_WORKERS.set(server, 1);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, pass, session) -> username.equals(user) && password.equals(pass));
        server.setSubsystemFactories(List.of(new SubsystemFactory() {
            @Override
            public String getName() {
                return "netconf";
            }

            @Override
            public org.apache.sshd.server.command.Command createSubsystem(
                    org.apache.sshd.server.channel.ChannelSession channel) {
                return new NetconfServerSession(SimulatedNetconfServer.this, sessionIds.incrementAndGet());
            }
        }));
        try {
            server.start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start NETCONF server " + name + " on 127.0.0.1", e);
        }
        return this;
    }

    /** The port it listens on (in place of 830). */
    public int port() {
        return server.getPort();
    }

    public String name() {
        return name;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Its host key. */
    public PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    /** The {@code known_hosts} line that trusts it: {@code [127.0.0.1]:port ecdsa-sha2-nistp256 AAAA...}. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostPublicKey());
    }

    /** The running configuration, pretty-printed, one top-level node after the other. */
    public String running() {
        return datastores.text("running");
    }

    /** The candidate configuration, pretty-printed. */
    public String candidate() {
        return datastores.text("candidate");
    }

    /** Replaces the running (and candidate) configuration with {@code xml}, top-level nodes one after the other. */
    public void setRunning(String xml) {
        datastores.setRunning(xml);
    }

    /** The session-id holding the lock of {@code datastore} ({@code running}, {@code candidate}), if any. */
    public Optional<Integer> lockHolder(String datastore) {
        return Optional.ofNullable(datastores.lockHolder(datastore));
    }

    /** Whether a confirmed commit waits for its confirmation. */
    public boolean confirmedCommitPending() {
        return datastores.confirmedCommitPending();
    }

    /** The operations received so far, by name ({@code get-config}, {@code commit}, ...), in order of arrival. */
    public List<String> operations() {
        synchronized (operationsSeen) {
            return List.copyOf(operationsSeen);
        }
    }

    /** For each session past its hello, in order: whether it uses chunked (base:1.1) framing. */
    public List<Boolean> chunkedSessions() {
        synchronized (framings) {
            return List.copyOf(framings);
        }
    }

    /** The NETCONF sessions open now. */
    public int openSessions() {
        return sessions.size();
    }

    /** How many confirmed commits were rolled back (timer, cancel-commit or their session ending). */
    public int rollbacks() {
        synchronized (monitor) {
            return rollbacks;
        }
    }

    /** Waits until at least {@code count} rollbacks happened; {@code false} when {@code timeout} passed first. */
    public boolean awaitRollbacks(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (rollbacks < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }

    /** Waits until exactly {@code count} NETCONF sessions are open; {@code false} when {@code timeout} passed first. */
    public boolean awaitOpenSessions(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (sessions.size() != count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                // stopping immediately: nothing left to release
            }
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "SimulatedNetconfServer[" + name + ", port=" + (server == null ? "-" : port()) + ", fault=" + fault + "]";
    }

    // ---- for the sessions

    String hello(int sessionId) {
        StringBuilder hello = new StringBuilder("<hello xmlns=\"" + ServerXml.BASE_NS + "\"><capabilities>");
        hello.append("<capability>").append(BASE_1_0).append("</capability>");
        if (base11) {
            hello.append("<capability>").append(BASE_1_1).append("</capability>");
        }
        CAPABILITIES.forEach(c -> hello.append("<capability>").append(c).append("</capability>"));
        return hello.append("</capabilities><session-id>").append(sessionId).append("</session-id></hello>").toString();
    }

    boolean advertisesBase11() {
        return base11;
    }

    Operations handler() {
        return operations;
    }

    NetconfFault faultFor(String operation) {
        return faultOperation == null || faultOperation.equals(operation) ? fault : NetconfFault.NONE;
    }

    String xxeTarget() {
        return xxeTarget;
    }

    void execute(Runnable task) {
        executor.execute(task);
    }

    void recordOperation(String operation) {
        operationsSeen.add(operation);
    }

    void recordFraming(boolean chunked) {
        framings.add(chunked);
    }

    void sessionStarted(NetconfServerSession session) {
        synchronized (monitor) {
            sessions.add(session);
            monitor.notifyAll();
        }
    }

    void sessionEnded(NetconfServerSession session) {
        datastores.sessionEnded(session.id());
        synchronized (monitor) {
            sessions.remove(session);
            monitor.notifyAll();
        }
    }

    private void rolledBack() {
        synchronized (monitor) {
            rollbacks++;
            monitor.notifyAll();
        }
    }

    private static KeyPair newHostKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate an EC P-256 host key", e);
        }
    }

    /** Configures a {@link SimulatedNetconfServer}. */
    public static final class Builder {
        private final String name;
        private String username = "admin";
        private String password = "admin";
        private boolean base11 = true;
        private NetconfFault fault = NetconfFault.NONE;
        private String faultOperation;
        private String xxeTarget = "file:///etc/hostname";
        private Duration timerSecond = Duration.ofSeconds(1);
        private KeyPair hostKey;
        private String runningConfig = "";
        private Set<String> keyLeaves = Set.of("name", "id");

        private Builder(String name) {
            if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("server name must match [A-Za-z0-9_.-]+, got: " + name);
            }
            this.name = name;
        }

        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Whether to advertise base:1.1 (chunked framing); {@code false} makes every session use base:1.0. */
        public Builder base11(boolean advertise) {
            this.base11 = advertise;
            return this;
        }

        /** A fault on the replies to every operation. */
        public Builder fault(NetconfFault fault) {
            return fault(fault, null);
        }

        /** A fault on the replies to {@code operation} only ({@code get-config}, {@code commit}, ...). */
        public Builder fault(NetconfFault fault, String operation) {
            this.fault = Objects.requireNonNull(fault, "fault");
            this.faultOperation = operation;
            return this;
        }

        /** The system identifier (a file or URL) the {@link NetconfFault#XXE_PAYLOAD} entity points at. */
        public Builder xxeTarget(String systemId) {
            this.xxeTarget = Objects.requireNonNull(systemId, "systemId");
            return this;
        }

        /**
         * How long one second of the device's clock lasts: a confirmed commit with {@code confirm-timeout} 60 rolls
         * back after 60 of them. One real second unless set.
         */
        public Builder timerSecond(Duration oneDeviceSecond) {
            if (oneDeviceSecond.isNegative() || oneDeviceSecond.isZero()) {
                throw new IllegalArgumentException("timerSecond must be positive, got " + oneDeviceSecond);
            }
            this.timerSecond = oneDeviceSecond;
            return this;
        }

        public Builder hostKey(KeyPair hostKey) {
            this.hostKey = hostKey;
            return this;
        }

        /** The running configuration at start: XML, top-level nodes one after the other. Empty unless set. */
        public Builder runningConfig(String xml) {
            Datastores.parseConfig(xml); // fail here, not at start
            this.runningConfig = xml;
            return this;
        }

        /**
         * The leaf names that identify list entries when they come first in an element ({@code name} and {@code id}
         * unless set), as YANG puts list keys first.
         */
        public Builder keyLeaves(String... names) {
            this.keyLeaves = Set.of(names);
            return this;
        }

        public SimulatedNetconfServer build() {
            return new SimulatedNetconfServer(this);
        }
    }
}
