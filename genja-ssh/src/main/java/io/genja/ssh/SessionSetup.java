package io.genja.ssh;

import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Applies a connection's own settings to its session before the key exchange starts: the legacy algorithms it
 * opted into, the host key types its known_hosts lines can verify, and its keep-alive interval. The settings travel in the connection context given to
 * {@code SshClient.connect}. Also keeps the error that ended a session, to say later why it is gone.
 */
final class SessionSetup implements SessionListener {

    private final KnownHostsVerifier knownHosts;

    SessionSetup(KnownHostsVerifier knownHosts) {
        this.knownHosts = knownHosts;
    }

    /** The global request OpenSSH's client sends as its keep-alive. */
    static final String KEEPALIVE_REQUEST = "keepalive@openssh.com";

    /** Where the connection context keeps the error that closed the session (a keep-alive without replies, ...). */
    static final AttributeKey<AtomicReference<Throwable>> CLOSED_BY = new AttributeKey<>();

    @Override
    public void sessionEstablished(Session session) {
        // Called from the session's constructor, before getConnectionContext() is set: read the I/O session's copy.
        Object context = session.getIoSession().getAttribute(AttributeRepository.class);
        if (!(context instanceof AttributeRepository repository)) {
            return;
        }
        SshOptions options = repository.getAttribute(SshConnection.OPTIONS);
        if (options == null) {
            return;
        }
        Algorithms.addLegacy(session, options.legacyAlgorithms());
        Set<String> knownTypes = new LinkedHashSet<>(knownHosts.knownKeyTypes(options, options.hostname(), options.port()));
        // The ssh config's HostName and Port may differ from the inventory's: the verifier checks the address dialled
        // (through a ProxyJump this is a local tunnel port, which no known_hosts line names).
        if (session.getIoSession().getRemoteAddress() instanceof InetSocketAddress dialled) {
            knownTypes.addAll(knownHosts.knownKeyTypes(options, dialled.getHostString(), dialled.getPort()));
        }
        Algorithms.preferKnownTypes(session, knownTypes);
        if (!options.keepalive().isZero()) {
            // OpenSSH's ServerAliveInterval: a request that wants a reply, so a device that stopped answering is
            // noticed (and its session closed) instead of only keeping NAT and idle timers from closing it.
            // Servers that do not know the request answer with a failure, which counts as a reply.
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(session, options.keepalive());
            CoreModuleProperties.HEARTBEAT_REQUEST.set(session, KEEPALIVE_REQUEST);
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(session, options.keepaliveCountMax());
        }
    }

    @Override
    public void sessionException(Session session, Throwable error) {
        record(session, error);
    }

    /**
     * Keeps the first error that ends a session in its connection's holder: the session clears its own attributes
     * when it closes, and MINA's futures may fail with a consequence of the error ("No session attached", "Session
     * is being closed") instead of the error itself.
     */
    static void record(Session session, Throwable error) {
        if (session instanceof ClientSession client && client.getConnectionContext() != null) {
            AtomicReference<Throwable> closedBy = client.getConnectionContext().getAttribute(CLOSED_BY);
            if (closedBy != null) {
                closedBy.compareAndSet(null, error);
            }
        }
    }
}
