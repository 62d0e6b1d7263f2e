package io.genja.netconf;

import java.nio.charset.StandardCharsets;

/**
 * How messages are delimited on the NETCONF channel (RFC 6242 §4). The hellos always use {@link #END_OF_MESSAGE};
 * afterwards the session uses {@link #CHUNKED} when both peers advertised {@code urn:ietf:params:netconf:base:1.1}.
 */
public enum Framing {

    /** base:1.0: each message ends with {@code ]]>]]>}. */
    END_OF_MESSAGE,

    /** base:1.1: each message is a series of {@code \n#<length>\n<bytes>} chunks ended by {@code \n##\n}. */
    CHUNKED;

    /** The base:1.0 end-of-message marker. */
    static final String END_MARKER = "]]>]]>";

    /** The largest chunk RFC 6242 allows; messages are sent as one chunk up to this size. */
    static final long MAX_CHUNK = 4_294_967_295L;

    /** {@code xml} framed for the channel. */
    byte[] frame(String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        if (this == END_OF_MESSAGE) {
            return (xml + END_MARKER).getBytes(StandardCharsets.UTF_8);
        }
        byte[] header = ("\n#" + body.length + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] trailer = "\n##\n".getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[header.length + body.length + trailer.length];
        System.arraycopy(header, 0, framed, 0, header.length);
        System.arraycopy(body, 0, framed, header.length, body.length);
        System.arraycopy(trailer, 0, framed, header.length + body.length, trailer.length);
        return framed;
    }
}
