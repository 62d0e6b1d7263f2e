package io.genja.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.global.KeepAliveHandler;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.helpers.AbstractConnectionServiceRequestHandler;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Counts a device's keep-alive requests ({@code keepalive@openssh.com} and the like) and answers them as OpenSSH
 * does, or leaves them unanswered for {@link Fault#IGNORE_KEEPALIVES}.
 */
final class KeepaliveAnswer extends AbstractConnectionServiceRequestHandler {

    private final AtomicInteger received;
    private final boolean answer;

    KeepaliveAnswer(AtomicInteger received, boolean answer) {
        this.received = received;
        this.answer = answer;
    }

    @Override
    public Result process(ConnectionService service, String request, boolean wantReply, Buffer buffer)
            throws Exception {
        if (!request.startsWith("keepalive@")) {
            return super.process(service, request, wantReply, buffer);
        }
        received.incrementAndGet();
        // "Replied" without a reply: MINA then sends nothing, which is the point of the fault.
        return answer ? KeepAliveHandler.INSTANCE.process(service, request, wantReply, buffer) : Result.Replied;
    }
}
