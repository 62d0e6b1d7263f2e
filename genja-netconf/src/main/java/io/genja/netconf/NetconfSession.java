package io.genja.netconf;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.task.FailureKind;
import io.genja.task.TaskException;
import io.genja.task.TaskRuntimeContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A NETCONF session with one device (RFC 6241 over RFC 6242's ssh subsystem): the operations a task calls, each
 * waiting for its reply. Get one in a task with {@link #of(TaskRuntimeContext)}.
 *
 * <p>Configuration is XML text: the content of {@code <config>} for {@link #editConfig}, of {@code <filter>} for
 * {@link #get} and {@link #getConfig}, which return the content of the reply's {@code <data>} (pretty-printed). Each
 * top-level node names its YANG module's namespace; one without would be read in the NETCONF base namespace.
 * A reply with an {@code <rpc-error>} of severity {@code error} throws {@link NetconfRpcException} with every error;
 * a broken session throws {@code CONNECTION}, no reply within {@code extras.timeout} throws {@code TIMEOUT}. Replies
 * are matched to requests by {@code message-id}. Calls may come from several threads; each waits for its own reply.
 */
public final class NetconfSession {

    /** The base:1.0 capability (end-of-message framing). */
    public static final String BASE_1_0 = "urn:ietf:params:netconf:base:1.0";
    /** The base:1.1 capability (chunked framing once both peers advertise it). */
    public static final String BASE_1_1 = "urn:ietf:params:netconf:base:1.1";
    /** The capability of confirmed commits with {@code persist} and {@code persist-id}. */
    public static final String CONFIRMED_COMMIT_1_1 = "urn:ietf:params:netconf:capability:confirmed-commit:1.1";

    private static final Logger LOG = LoggerFactory.getLogger(NetconfSession.class);

    private final String where;
    private final ChannelSubsystem channel;
    private final Duration timeout;
    private final FrameDecoder decoder;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Element> hello = new CompletableFuture<>();
    private final AtomicLong messageIds = new AtomicLong();
    private volatile Framing framing = Framing.END_OF_MESSAGE;
    private volatile ConnectionException broken;
    private volatile Set<String> capabilities = Set.of();
    private volatile String sessionId;

    /** A request waiting for its reply. */
    private record Pending(String operation, CompletableFuture<Element> reply) {
    }

    private NetconfSession(String where, ChannelSubsystem channel, Duration timeout, long maxMessage) {
        this.where = where;
        this.channel = channel;
        this.timeout = timeout;
        this.decoder = new FrameDecoder(this::received, maxMessage);
    }

    /**
     * The session of the task's {@code netconf} connection.
     *
     * @throws TaskException {@code UNSUPPORTED} when the task declares no connection plugin, or one that is not
     *     {@code netconf}; {@code CONNECTION} when the connection is not open
     */
    public static NetconfSession of(TaskRuntimeContext context) throws TaskException {
        Connection connection = context.connection().orElseThrow(() -> new TaskException(FailureKind.UNSUPPORTED,
                "task \"" + context.task().name() + "\" declares no connection plugin, so it has no NETCONF session on "
                        + context.host().name() + "; set @GenjaTask(connectionPluginName = \"netconf\")"));
        if (!(connection instanceof NetconfConnection netconf)) {
            throw new TaskException(FailureKind.UNSUPPORTED, "task \"" + context.task().name() + "\" connects to "
                    + context.host().name() + " with plugin \"" + context.task().connectionPluginName().orElse("")
                    + "\", which has no NETCONF session; set @GenjaTask(connectionPluginName = \"netconf\")");
        }
        try {
            return netconf.session();
        } catch (ConnectionException e) {
            throw new TaskException(e.kind(), e.getMessage(), e, e.retryable());
        }
    }

    /**
     * Opens the {@code netconf} subsystem on an authenticated ssh session and exchanges hellos.
     *
     * @param where the host, for messages: {@code host r1 (10.0.0.1:830)}
     * @param timeout how long to wait for the channel, the hello and each reply
     * @param maxMessage the most bytes one message from the device may have
     */
    static NetconfSession open(ClientSession ssh, String where, Duration timeout, long maxMessage)
            throws ConnectionException {
        ChannelSubsystem channel;
        try {
            channel = ssh.createSubsystemChannel("netconf");
        } catch (IOException e) {
            throw new ConnectionException(FailureKind.CONNECTION, where + ": cannot open the netconf subsystem: "
                    + e.getMessage(), e, true);
        }
        NetconfSession session = new NetconfSession(where, channel, timeout, maxMessage);
        channel.setOut(session.new Incoming());
        channel.setErr(OutputStream.nullOutputStream());
        channel.addCloseFutureListener(f -> session.fail(new ConnectionException(FailureKind.CONNECTION,
                where + (session.hello.isDone() ? ": the device closed the NETCONF session"
                        : ": the device closed the channel before its <hello> (is the netconf subsystem enabled on"
                        + " it, on this port?)"), null, true)));
        try {
            if (!channel.open().verify(timeout).isOpened()) {
                throw new IOException("the channel was not opened");
            }
            session.exchangeHellos();
            return session;
        } catch (IOException | RuntimeException e) {
            channel.close(true);
            throw new ConnectionException(FailureKind.CONNECTION, where + ": the device refused the netconf subsystem"
                    + " (is NETCONF over ssh enabled on it, on this port?): " + e.getMessage(), e, true);
        } catch (ConnectionException e) {
            channel.close(true);
            throw e;
        }
    }

    private void exchangeHellos() throws ConnectionException, IOException {
        send("<hello xmlns=\"" + Xml.BASE_NS + "\"><capabilities><capability>" + BASE_1_0 + "</capability><capability>"
                + BASE_1_1 + "</capability></capabilities></hello>");
        Element serverHello = await(hello, "the device's <hello>");
        Set<String> advertised = new LinkedHashSet<>();
        Xml.child(serverHello, Xml.BASE_NS, "capabilities").ifPresent(list -> {
            for (Element capability : Xml.children(list)) {
                advertised.add(capability.getTextContent().strip());
            }
        });
        if (!advertised.contains(BASE_1_0) && !advertised.contains(BASE_1_1)) {
            throw new ConnectionException(FailureKind.CONNECTION, where + ": the device's <hello> advertises neither "
                    + BASE_1_0 + " nor " + BASE_1_1 + "; it advertised " + advertised);
        }
        capabilities = Set.copyOf(advertised);
        sessionId = Xml.childText(serverHello, "session-id");
        framing = decoder.framing();
        LOG.debug("{}: NETCONF session {} in {} framing, {} capabilities", where, sessionId, framing, advertised.size());
    }

    /** Every capability the device advertised in its hello. */
    public Set<String> capabilities() {
        return capabilities;
    }

    /**
     * Whether the device advertised {@code capability}: its URI, e.g.
     * {@code urn:ietf:params:netconf:capability:candidate:1.0}, compared without any {@code ?} parameters.
     */
    public boolean hasCapability(String capability) {
        return capabilities.stream().anyMatch(c -> c.equals(capability) || c.startsWith(capability + "?"));
    }

    /** The {@code session-id} the device gave this session. */
    public String sessionId() {
        return sessionId;
    }

    /** The framing the session settled on after the hellos. */
    public Framing framing() {
        return framing;
    }

    /** Whether the session is open and usable. */
    public boolean isOpen() {
        return broken == null && channel.isOpen() && !channel.isClosing();
    }

    /**
     * {@code <get>}: configuration and state data, the whole tree or what a subtree filter selects.
     *
     * @param subtreeFilter the content of {@code <filter type="subtree">}, or {@code null} for everything
     * @return the content of the reply's {@code <data>}, pretty-printed
     */
    public String get(String subtreeFilter) throws ConnectionException {
        return data(call("get", filter(subtreeFilter)));
    }

    /**
     * {@code <get-config>} of a datastore.
     *
     * @param subtreeFilter the content of {@code <filter type="subtree">}, or {@code null} for everything
     * @return the content of the reply's {@code <data>}, pretty-printed
     */
    public String getConfig(Datastore source, String subtreeFilter) throws ConnectionException {
        requireDatastore(source);
        return data(call("get-config", "<source>" + source.element() + "</source>" + filter(subtreeFilter)));
    }

    /** {@code <edit-config>} with the default operation {@code merge}. */
    public void editConfig(Datastore target, String config) throws ConnectionException {
        editConfig(target, config, DefaultOperation.MERGE);
    }

    /**
     * {@code <edit-config>}: changes {@code target} by {@code config}, the content of {@code <config>} (or a whole
     * {@code <config>} element in the base namespace); its nodes may carry {@code nc:operation} attributes.
     *
     * @throws ConnectionException {@code VALIDATION} when {@code config} is not well-formed XML (nothing is sent)
     */
    public void editConfig(Datastore target, String config, DefaultOperation defaultOperation)
            throws ConnectionException {
        requireDatastore(target);
        call("edit-config", "<target>" + target.element() + "</target><default-operation>"
                + defaultOperation.xmlName() + "</default-operation>" + configElement(config));
    }

    /** {@code <lock>}: fails with tag {@code lock-denied} while another session holds the lock. */
    public void lock(Datastore target) throws ConnectionException {
        requireDatastore(target);
        call("lock", "<target>" + target.element() + "</target>");
    }

    /** {@code <unlock>}. */
    public void unlock(Datastore target) throws ConnectionException {
        requireDatastore(target);
        call("unlock", "<target>" + target.element() + "</target>");
    }

    /** {@code <validate>} of a datastore (the {@code :validate} capability). */
    public void validate(Datastore source) throws ConnectionException {
        requireDatastore(source);
        call("validate", "<source>" + source.element() + "</source>");
    }

    /**
     * {@code <commit>}: the candidate becomes the running configuration. After a confirmed commit from this session
     * (without {@code persist}), this is the confirming commit.
     */
    public void commit() throws ConnectionException {
        requireDatastore(Datastore.CANDIDATE);
        call("commit", "");
    }

    /**
     * A confirmed commit: the candidate becomes the running configuration, and the device rolls it back unless a
     * confirming commit arrives within {@code confirmTimeout} (and, without {@code persist}, when this session ends).
     *
     * @param persist a token that lets another session confirm ({@link #confirmCommit(String)}) or cancel it, and
     *     keeps the commit alive when this session ends; {@code null} for none
     */
    public void confirmedCommit(Duration confirmTimeout, String persist) throws ConnectionException {
        requireDatastore(Datastore.CANDIDATE);
        if (confirmTimeout.isNegative() || confirmTimeout.toSeconds() < 1) {
            throw new ConnectionException(FailureKind.VALIDATION, where + ": the confirm timeout of a confirmed"
                    + " commit is a whole number of seconds, at least 1; got " + confirmTimeout);
        }
        requireConfirmedCommit(persist != null);
        call("commit", "<confirmed/><confirm-timeout>" + confirmTimeout.toSeconds() + "</confirm-timeout>"
                + (persist != null ? "<persist>" + Xml.escape(persist) + "</persist>" : ""));
    }

    /** The confirming commit of a confirmed commit made with {@code persist}, from any session. */
    public void confirmCommit(String persistId) throws ConnectionException {
        requireConfirmedCommit(true);
        call("commit", "<persist-id>" + Xml.escape(persistId) + "</persist-id>");
    }

    /**
     * {@code <cancel-commit>}: rolls a pending confirmed commit back now.
     *
     * @param persistId its {@code persist} token, or {@code null} for one made by this session without
     */
    public void cancelCommit(String persistId) throws ConnectionException {
        requireConfirmedCommit(true);
        call("cancel-commit", persistId != null ? "<persist-id>" + Xml.escape(persistId) + "</persist-id>" : "");
    }

    /** {@code <discard-changes>}: the candidate becomes the running configuration again. */
    public void discardChanges() throws ConnectionException {
        requireDatastore(Datastore.CANDIDATE);
        call("discard-changes", "");
    }

    /** {@code <close-session>}: the device ends the session (releasing its locks); the connection is closed then. */
    public void closeSession() throws ConnectionException {
        try {
            call("close-session", "");
        } finally {
            channel.close(false);
        }
    }

    /**
     * Any operation: {@code operation} is the XML inside {@code <rpc>}, e.g. {@code <get-schema
     * xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring"><identifier>foo</identifier></get-schema>}.
     *
     * @return the whole {@code <rpc-reply>}, pretty-printed
     */
    public String rpc(String operation) throws ConnectionException {
        Element parsed = parseFragment(operation, "the operation");
        if (Xml.children(parsed).size() != 1) {
            throw new ConnectionException(FailureKind.VALIDATION, where + ": an rpc holds exactly one operation"
                    + " element, got " + Xml.children(parsed).size());
        }
        Element element = Xml.children(parsed).get(0);
        return Xml.toString(exchange(element.getLocalName(), Xml.toString(element, false)), true);
    }

    /** Sends {@code <operation>body</operation>} in the base namespace and returns the reply, failed on rpc-errors. */
    private Element call(String operation, String body) throws ConnectionException {
        return exchange(operation, "<" + operation + ">" + body + "</" + operation + ">");
    }

    private Element exchange(String operation, String operationXml) throws ConnectionException {
        ConnectionException gone = broken;
        if (gone != null) {
            throw new ConnectionException(gone.kind(), gone.getMessage() + "; <" + operation + "> was not sent", gone,
                    gone.retryable());
        }
        String id = String.valueOf(messageIds.incrementAndGet());
        Pending request = new Pending(operation, new CompletableFuture<>());
        pending.put(id, request);
        Element reply;
        try {
            if (broken != null) { // the session broke between the check above and now: nothing would answer
                request.reply().completeExceptionally(broken);
            }
            send("<rpc xmlns=\"" + Xml.BASE_NS + "\" message-id=\"" + id + "\">" + operationXml + "</rpc>");
            reply = await(request.reply(), "the reply to <" + operation + ">");
        } catch (IOException e) {
            throw new ConnectionException(FailureKind.CONNECTION, where + ": cannot send <" + operation + ">: "
                    + e.getMessage(), e, true);
        } finally {
            pending.remove(id);
        }
        List<RpcError> errors = new ArrayList<>();
        for (Element child : Xml.children(reply)) {
            if ("rpc-error".equals(child.getLocalName()) && Xml.BASE_NS.equals(child.getNamespaceURI())) {
                errors.add(RpcError.of(child));
            }
        }
        if (errors.stream().anyMatch(e -> !e.isWarning())) {
            throw new NetconfRpcException(where, operation, errors);
        }
        errors.forEach(warning -> LOG.warn("{}: <{}> succeeded with a warning: {}", where, operation, warning));
        return reply;
    }

    private synchronized void send(String xml) throws IOException {
        OutputStream out = channel.getInvertedIn();
        out.write(framing.frame(xml));
        out.flush();
    }

    private Element await(CompletableFuture<Element> reply, String what) throws ConnectionException {
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectionException c) {
                throw new ConnectionException(c.kind(), c.getMessage() + " (waiting for " + what + ")", c,
                        c.retryable());
            }
            throw new ConnectionException(FailureKind.INTERNAL, where + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectionException(FailureKind.TIMEOUT, where + ": no " + what + " within "
                    + timeout.toSeconds() + " s (extras.timeout)", e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close(true); // where the reply stands is unknown now
            throw new ConnectionException(FailureKind.TIMEOUT, where + ": interrupted while waiting for " + what, e,
                    true);
        }
    }

    /** One message from the device, on MINA's I/O thread. */
    private void received(String xml) {
        Document document;
        try {
            document = Xml.parse(xml);
        } catch (Xml.XmlException e) {
            // Which request it answers cannot be known: every waiting one fails; the framing is intact.
            failPending(new ConnectionException(FailureKind.COMMAND, where + ": a message from the device was refused: "
                    + e.getMessage(), e));
            if (!hello.isDone()) {
                hello.completeExceptionally(new ConnectionException(FailureKind.CONNECTION, where
                        + ": the device's <hello> was refused: " + e.getMessage(), e));
            }
            return;
        }
        Element root = document.getDocumentElement();
        if (!hello.isDone()) {
            if (!"hello".equals(root.getLocalName()) || !Xml.BASE_NS.equals(root.getNamespaceURI())) {
                hello.completeExceptionally(new ConnectionException(FailureKind.CONNECTION, where
                        + ": the device's first message is <" + root.getLocalName() + ">, not <hello>"));
                return;
            }
            // Chunked framing starts right after the hellos when both sides speak base:1.1 (we always do).
            boolean chunked = Xml.child(root, Xml.BASE_NS, "capabilities").stream().flatMap(c -> Xml.children(c).stream())
                    .anyMatch(c -> BASE_1_1.equals(c.getTextContent().strip()));
            decoder.use(chunked ? Framing.CHUNKED : Framing.END_OF_MESSAGE);
            hello.complete(root);
            return;
        }
        if (!"rpc-reply".equals(root.getLocalName())) {
            LOG.debug("{}: ignoring a <{}> from the device", where, root.getLocalName());
            return;
        }
        String id = root.getAttribute("message-id");
        Pending request = id.isEmpty() && pending.size() == 1 ? pending.values().iterator().next() : pending.get(id);
        if (request == null) {
            LOG.warn("{}: a reply with message-id \"{}\" answers no waiting request (one that timed out?)", where, id);
            return;
        }
        request.reply().complete(root);
    }

    /** The session cannot go on: every request waiting now or later fails with {@code error}. */
    private void fail(ConnectionException error) {
        if (broken == null) {
            broken = error;
        }
        hello.completeExceptionally(error);
        failPending(error);
    }

    private void failPending(ConnectionException error) {
        // A snapshot first: a caller woken by the first completion may send its next request before the loop ends,
        // and that one must not fail for a message that came before it.
        for (Pending request : List.copyOf(pending.values())) {
            request.reply().completeExceptionally(new ConnectionException(error.kind(), error.getMessage(),
                    error.getCause(), error.retryable()));
        }
    }

    /** Closes the channel at once. */
    void close() {
        channel.close(true);
    }

    private String filter(String subtreeFilter) throws ConnectionException {
        if (subtreeFilter == null || subtreeFilter.isBlank()) {
            return "";
        }
        parseFragment(subtreeFilter, "the subtree filter");
        return "<filter type=\"subtree\">" + subtreeFilter + "</filter>";
    }

    private String configElement(String config) throws ConnectionException {
        Element wrapper = parseFragment(config, "the configuration");
        List<Element> children = Xml.children(wrapper);
        if (children.size() == 1 && "config".equals(children.get(0).getLocalName())
                && Xml.BASE_NS.equals(children.get(0).getNamespaceURI())) {
            return Xml.toString(children.get(0), false);
        }
        return Xml.toString(wrapper, false);
    }

    /** {@code fragment} inside a {@code <config>} element of the base namespace; checked before anything is sent. */
    private Element parseFragment(String fragment, String what) throws ConnectionException {
        try {
            return Xml.parse("<config xmlns=\"" + Xml.BASE_NS + "\">" + fragment + "</config>").getDocumentElement();
        } catch (Xml.XmlException e) {
            throw new ConnectionException(FailureKind.VALIDATION, where + ": " + what + " is not usable: "
                    + e.getMessage(), e);
        }
    }

    private static String data(Element reply) {
        return Xml.child(reply, Xml.BASE_NS, "data").map(Xml::childrenToString).orElse("");
    }

    private void requireDatastore(Datastore datastore) throws ConnectionException {
        String capability = datastore.capability();
        if (capability != null && !hasCapability(capability)) {
            throw new ConnectionException(FailureKind.UNSUPPORTED, where + ": the device has no " + datastore.element()
                    + " datastore (it does not advertise " + capability + ")");
        }
    }

    private void requireConfirmedCommit(boolean persist) throws ConnectionException {
        String needed = persist ? CONFIRMED_COMMIT_1_1 : "urn:ietf:params:netconf:capability:confirmed-commit:1.0";
        if (!hasCapability(needed) && !hasCapability(CONFIRMED_COMMIT_1_1)) {
            throw new ConnectionException(FailureKind.UNSUPPORTED, where + ": the device does not advertise " + needed
                    + ", so it cannot do this confirmed-commit operation");
        }
    }

    @Override
    public String toString() {
        return "NetconfSession[" + where + ", session-id " + sessionId + ", " + framing + ", "
                + (isOpen() ? "open" : "closed") + "]";
    }

    /** Feeds the channel's bytes to the decoder; a framing error ends the session. */
    private final class Incoming extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (broken != null) {
                return;
            }
            try {
                decoder.feed(bytes, offset, length);
            } catch (FrameDecoder.FramingException e) {
                fail(new ConnectionException(FailureKind.CONNECTION, where + ": " + e.getMessage()
                        + "; the session is closed", e, true));
                channel.close(true);
            }
        }
    }
}
