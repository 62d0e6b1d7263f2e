package io.genja.ssh;

import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Applies a connection's own settings to its session before the key exchange starts: the legacy algorithms it
 * opted into and its keep-alive interval. The settings travel in the connection context given to
 * {@code SshClient.connect}.
 */
final class SessionSetup implements SessionListener {

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
        if (!options.keepalive().isZero()) {
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(session, options.keepalive());
        }
    }
}
