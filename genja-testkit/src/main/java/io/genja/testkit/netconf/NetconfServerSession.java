package io.genja.testkit.netconf;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * One NETCONF session of the simulated server: the {@code netconf} subsystem of one ssh channel. Reads requests on
 * its own thread, answers them in order.
 */
final class NetconfServerSession implements Command {

    private static final byte[] END = "]]>]]>".getBytes(StandardCharsets.US_ASCII);

    private final SimulatedNetconfServer server;
    private final int id;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private volatile boolean chunked;
    private final AtomicBoolean closed = new AtomicBoolean();

    NetconfServerSession(SimulatedNetconfServer server, int id) {
        this.server = server;
        this.id = id;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // NETCONF uses only the channel's data stream
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        server.sessionStarted(this);
        server.execute(this::run);
    }

    @Override
    public void destroy(ChannelSession channel) {
        end();
    }

    int id() {
        return id;
    }

    private void run() {
        try {
            send(server.hello(id), false);
            Document clientHello = ServerXml.parse(readMessage(false));
            Element root = clientHello.getDocumentElement();
            if (!"hello".equals(root.getLocalName())) {
                throw new IOException("the client's first message is <" + root.getLocalName() + ">, not <hello>");
            }
            boolean client11 = ServerXml.children(ServerXml.child(root, "capabilities")).stream()
                    .anyMatch(c -> SimulatedNetconfServer.BASE_1_1.equals(c.getTextContent().strip()));
            chunked = client11 && server.advertisesBase11();
            server.recordFraming(chunked);
            while (!closed.get()) {
                String request;
                try {
                    request = readMessage(chunked);
                } catch (EOFException e) {
                    break;
                }
                if (!answer(request)) {
                    break;
                }
            }
        } catch (Exception e) {
            // a broken request stream ends the session, as a device does (RFC 6242 §4.2: malformed-message)
        } finally {
            end();
        }
    }

    /** Answers one request; {@code false} when the session is to end. */
    private boolean answer(String request) throws IOException {
        Element rpc;
        try {
            rpc = ServerXml.parse(request).getDocumentElement();
        } catch (org.xml.sax.SAXException e) {
            send(reply("", new RpcFailure("rpc", "malformed-message", "not well-formed XML: " + e.getMessage())
                    .toXml()), chunked);
            return true;
        }
        String attributes = attributes(rpc);
        Element operation = ServerXml.children(rpc).stream().findFirst().orElse(null);
        String name = operation == null ? "" : operation.getLocalName();
        server.recordOperation(name);
        NetconfFault fault = server.faultFor(name);
        String replyBody;
        boolean end = false;
        if (fault == NetconfFault.RPC_ERROR) {
            replyBody = new RpcFailure("application", "operation-failed", "simulated failure of <" + name + ">",
                    "/" + name, null).toXml();
        } else {
            try {
                replyBody = server.handler().perform(id, operation);
                end = "close-session".equals(name);
            } catch (RpcFailure failure) {
                replyBody = failure.toXml();
            }
        }
        String reply = reply(attributes, replyBody);
        switch (fault) {
            case FRAMING_ERROR -> {
                writeRaw(chunked ? "\n#x\n".getBytes(StandardCharsets.US_ASCII)
                        : ("<rpc-reply " + attributes + "><data><unclosed></rpc-reply>]]>]]>")
                                .getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case DROP_MID_REPLY -> {
                byte[] framed = frame(reply, chunked);
                writeRaw(Arrays.copyOf(framed, framed.length / 2));
                return false;
            }
            case XXE_PAYLOAD -> {
                send("<?xml version=\"1.0\"?>\n<!DOCTYPE rpc-reply [\n  <!ENTITY xxe SYSTEM \""
                        + server.xxeTarget() + "\">\n]>\n<rpc-reply xmlns=\"" + ServerXml.BASE_NS + "\" " + attributes
                        + "><data><leak>&xxe;</leak></data></rpc-reply>", chunked);
                return true;
            }
            default -> send(reply, chunked);
        }
        return !end;
    }

    /** The rpc's attributes, which the reply repeats (RFC 6241 §4.2), message-id first among them. */
    private static String attributes(Element rpc) {
        StringBuilder out = new StringBuilder();
        NamedNodeMap attributes = rpc.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String name = attribute.getNodeName();
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                continue;
            }
            out.append(' ').append(name).append("=\"").append(ServerXml.escape(attribute.getNodeValue())).append('"');
        }
        return out.toString().strip();
    }

    private static String reply(String attributes, String body) {
        return "<rpc-reply xmlns=\"" + ServerXml.BASE_NS + "\"" + (attributes.isEmpty() ? "" : " " + attributes) + ">"
                + body + "</rpc-reply>";
    }

    private String readMessage(boolean chunkedFraming) throws IOException {
        return chunkedFraming ? readChunked() : readToEndMarker();
    }

    private String readToEndMarker() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            message.write(b);
            if (b == '>' && message.size() >= END.length) {
                byte[] bytes = message.toByteArray();
                if (Arrays.equals(bytes, bytes.length - END.length, bytes.length, END, 0, END.length)) {
                    return new String(bytes, 0, bytes.length - END.length, StandardCharsets.UTF_8);
                }
            }
        }
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            expect('\n');
            expect('#');
            int c = read();
            if (c == '#') {
                expect('\n');
                return message.toString(StandardCharsets.UTF_8);
            }
            long size = 0;
            while (c != '\n') {
                if (c < '0' || c > '9' || size > 4_294_967_295L) {
                    throw new IOException("bad chunk header");
                }
                size = size * 10 + (c - '0');
                c = read();
            }
            message.write(in.readNBytes((int) size));
        }
    }

    private void expect(int wanted) throws IOException {
        int c = read();
        if (c != wanted) {
            throw new IOException("bad chunked framing: expected " + wanted + ", got " + c);
        }
    }

    private int read() throws IOException {
        int c = in.read();
        if (c < 0) {
            throw new EOFException();
        }
        return c;
    }

    private static byte[] frame(String xml, boolean chunkedFraming) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        if (!chunkedFraming) {
            return (xml + "]]>]]>").getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        // two chunks when the body allows it, so clients are held to joining chunks
        int half = body.length > 1 ? body.length / 2 : body.length;
        framed.writeBytes(("\n#" + half + "\n").getBytes(StandardCharsets.US_ASCII));
        framed.write(body, 0, half);
        if (half < body.length) {
            framed.writeBytes(("\n#" + (body.length - half) + "\n").getBytes(StandardCharsets.US_ASCII));
            framed.write(body, half, body.length - half);
        }
        framed.writeBytes("\n##\n".getBytes(StandardCharsets.US_ASCII));
        return framed.toByteArray();
    }

    private void send(String xml, boolean chunkedFraming) throws IOException {
        writeRaw(frame(xml, chunkedFraming));
    }

    private synchronized void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private void end() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.sessionEnded(this);
        ExitCallback callback = exit;
        if (callback != null) {
            callback.onExit(0);
        }
    }
}
