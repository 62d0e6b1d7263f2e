package io.genja.testkit.netconf;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The server's running and candidate configurations, their locks, and the pending confirmed commit; shared by every
 * session, every method under this object's monitor.
 */
final class Datastores {

    private final EditConfig editor;
    private final ScheduledExecutorService timer;
    private final Duration timerSecond;
    private final Runnable onRollback;
    private Document running;
    private Document candidate;
    /** Datastore name to the session-id holding its lock. */
    private final Map<String, Integer> locks = new HashMap<>();
    private Confirmed confirmed;
    /** Counts confirmed commits, so that a timer that fires late never rolls back a newer one. */
    private long generation;

    /** A confirmed commit waiting for its confirmation: what to roll back to, who may confirm, its timer. */
    private record Confirmed(Document before, int session, String persist, long generation, ScheduledFuture<?> timer) {
    }

    Datastores(String runningConfig, Set<String> keyLeaves, ScheduledExecutorService timer, Duration timerSecond,
               Runnable onRollback) {
        this.editor = new EditConfig(keyLeaves);
        this.timer = timer;
        this.timerSecond = timerSecond;
        this.onRollback = onRollback;
        this.running = parseConfig(runningConfig);
        this.candidate = copy(running);
    }

    static Document parseConfig(String xml) {
        try {
            Document document = ServerXml.parse("<data xmlns=\"" + ServerXml.BASE_NS + "\">" + xml + "</data>");
            ServerXml.stripWhitespace(document.getDocumentElement());
            return document;
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalArgumentException("the simulated configuration is not well-formed XML: "
                    + e.getMessage(), e);
        }
    }

    private static Document copy(Document document) {
        Document copy = ServerXml.newDocument();
        copy.appendChild(copy.importNode(document.getDocumentElement(), true));
        return copy;
    }

    private Document store(String name) throws RpcFailure {
        return switch (name) {
            case "running" -> running;
            case "candidate" -> candidate;
            default -> throw new RpcFailure("protocol", "invalid-value", "datastore <" + name + "/> is not"
                    + " supported here (running, candidate)");
        };
    }

    synchronized Element data(String name) throws RpcFailure {
        return store(name).getDocumentElement();
    }

    /** The datastore's content as pretty-printed XML, one top-level node after the other. */
    synchronized String text(String name) {
        StringBuilder out = new StringBuilder();
        Document document = "running".equals(name) ? running : candidate;
        for (Element node : ServerXml.children(document.getDocumentElement())) {
            out.append(ServerXml.toString(node, true)).append('\n');
        }
        return out.toString();
    }

    synchronized void setRunning(String xml) {
        running = parseConfig(xml);
        candidate = copy(running);
    }

    synchronized void edit(int session, String target, Element config, String defaultOperation) throws RpcFailure {
        checkLock(session, target);
        Document document = store(target);
        // all or nothing (rollback-on-error is what devices do by default for candidate edits)
        Document attempt = copy(document);
        editor.apply(attempt.getDocumentElement(), config, defaultOperation);
        if ("running".equals(target)) {
            running = attempt;
        } else {
            candidate = attempt;
        }
    }

    synchronized void lock(int session, String target) throws RpcFailure {
        store(target);
        Integer holder = locks.get(target);
        if (holder != null) {
            throw new RpcFailure("protocol", "lock-denied", "lock failed: the " + target + " datastore is locked by"
                    + " session " + holder, null, "<session-id>" + holder + "</session-id>");
        }
        locks.put(target, session);
    }

    synchronized void unlock(int session, String target) throws RpcFailure {
        store(target);
        Integer holder = locks.get(target);
        if (holder == null || holder != session) {
            throw new RpcFailure("protocol", "operation-failed", "unlock failed: this session holds no lock on the "
                    + target + " datastore");
        }
        locks.remove(target);
    }

    synchronized Integer lockHolder(String target) {
        return locks.get(target);
    }

    private void checkLock(int session, String target) throws RpcFailure {
        Integer holder = locks.get(target);
        if (holder != null && holder != session) {
            throw new RpcFailure("protocol", "in-use", "the " + target + " datastore is locked by session " + holder,
                    null, "<session-id>" + holder + "</session-id>");
        }
    }

    /**
     * {@code <commit>}: plain, confirmed ({@code confirmTimeout} seconds, 600 when {@code null}), or confirming
     * (a plain commit while a confirmed one waits: from its session, or with its {@code persistId}).
     */
    synchronized void commit(int session, boolean confirmedCommit, Long confirmTimeout, String persist,
                             String persistId) throws RpcFailure {
        checkLock(session, "running");
        if (confirmed != null && !confirmedCommit) {
            if (confirmed.persist() != null ? !confirmed.persist().equals(persistId) : confirmed.session() != session) {
                throw new RpcFailure("protocol", "invalid-value", confirmed.persist() != null
                        ? "a confirmed commit with persist is pending: confirm it with its persist-id"
                        : "a confirmed commit of session " + confirmed.session() + " is pending");
            }
        } else if (persistId != null) {
            throw new RpcFailure("protocol", "invalid-value", "no confirmed commit with persist-id " + persistId
                    + " is pending");
        }
        Document before = confirmed != null ? confirmed.before() : copy(running);
        if (confirmed != null) {
            confirmed.timer().cancel(false);
            confirmed = null;
        }
        running = copy(candidate);
        if (confirmedCommit) {
            long seconds = confirmTimeout != null ? confirmTimeout : 600;
            long current = ++generation;
            ScheduledFuture<?> rollback = timer.schedule(() -> timerExpired(current), seconds * timerSecond.toNanos(),
                    TimeUnit.NANOSECONDS);
            confirmed = new Confirmed(before, session, persist, current, rollback);
        }
    }

    synchronized void cancelCommit(int session, String persistId) throws RpcFailure {
        if (confirmed == null || (confirmed.persist() != null ? !confirmed.persist().equals(persistId)
                : confirmed.session() != session)) {
            throw new RpcFailure("protocol", "invalid-value", "no confirmed commit to cancel"
                    + (persistId != null ? " with persist-id " + persistId : " from this session"));
        }
        rollBack();
    }

    synchronized void discard(int session) throws RpcFailure {
        checkLock(session, "candidate");
        candidate = copy(running);
    }

    /** A session ended: its locks go, and its confirmed commit without persist is rolled back (RFC 6241 §8.4). */
    synchronized void sessionEnded(int session) {
        locks.values().removeIf(holder -> holder == session);
        if (confirmed != null && confirmed.persist() == null && confirmed.session() == session) {
            rollBack();
        }
    }

    private synchronized void timerExpired(long expiredGeneration) {
        if (confirmed != null && confirmed.generation() == expiredGeneration) {
            rollBack();
        }
    }

    private void rollBack() {
        confirmed.timer().cancel(false);
        running = confirmed.before();
        candidate = copy(running);
        confirmed = null;
        onRollback.run();
    }

    synchronized boolean confirmedCommitPending() {
        return confirmed != null;
    }
}
