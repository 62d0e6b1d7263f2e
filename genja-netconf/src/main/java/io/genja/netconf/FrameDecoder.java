package io.genja.netconf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Cuts the bytes arriving on the channel into messages, in either framing, as they come (MINA hands them over in
 * pieces of any size). The consumer of a message may switch the framing ({@link #use}); the bytes after that message
 * are read in the new one, which is how the session moves to chunked framing right after the hellos.
 */
final class FrameDecoder {

    private static final byte[] END = Framing.END_MARKER.getBytes(StandardCharsets.US_ASCII);

    /** What a chunk header, or the end of chunks, may look like while it arrives. */
    private static final Pattern HEADER_SO_FAR = Pattern.compile("\n(#|##|##\n|#[1-9][0-9]{0,9}\n?)?");

    private final Consumer<String> onMessage;
    private final long maxMessage;
    private volatile Framing framing = Framing.END_OF_MESSAGE;
    /** The message being read (its bytes so far). */
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    /** A chunk header (or end-of-chunks marker) being read, in chunked framing. */
    private final StringBuilder header = new StringBuilder();
    /** The bytes still to read of the current chunk's data. */
    private long chunkLeft;
    /** The last bytes read, to spot the end-of-message marker in base:1.0 framing. */
    private final byte[] tail = new byte[END.length];

    /**
     * @param onMessage receives each complete message, on the thread that feeds the bytes
     * @param maxMessage the most bytes one message may have
     */
    FrameDecoder(Consumer<String> onMessage, long maxMessage) {
        this.onMessage = onMessage;
        this.maxMessage = maxMessage;
    }

    /** Reads the next messages in {@code framing}. */
    void use(Framing framing) {
        this.framing = framing;
    }

    Framing framing() {
        return framing;
    }

    /**
     * Reads {@code length} bytes.
     *
     * @throws FramingException when the bytes break the framing, or a message grows past the limit; the decoder is
     *     unusable afterwards (the session must be closed: where the next message starts is unknown)
     */
    void feed(byte[] bytes, int offset, int length) throws FramingException {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            i = framing == Framing.END_OF_MESSAGE ? endOfMessage(bytes, i, end) : chunked(bytes, i, end);
        }
    }

    private int endOfMessage(byte[] bytes, int i, int end) throws FramingException {
        while (i < end) {
            byte b = bytes[i++];
            append(b);
            System.arraycopy(tail, 1, tail, 0, tail.length - 1);
            tail[tail.length - 1] = b;
            if (message.size() >= END.length && Arrays.equals(tail, END)) {
                Arrays.fill(tail, (byte) 0);
                byte[] all = message.toByteArray();
                message.reset();
                deliver(new String(all, 0, all.length - END.length, StandardCharsets.UTF_8));
                return i; // the framing may have changed
            }
        }
        return i;
    }

    private int chunked(byte[] bytes, int i, int end) throws FramingException {
        while (i < end) {
            if (chunkLeft > 0) {
                int take = (int) Math.min(chunkLeft, end - i);
                if (message.size() + (long) take > maxMessage) {
                    throw tooLarge();
                }
                message.write(bytes, i, take);
                chunkLeft -= take;
                i += take;
                continue;
            }
            char c = (char) (bytes[i++] & 0xff);
            header.append(c);
            String h = header.toString();
            // A header is "\n#<digits>\n" or the end of chunks "\n##\n"; anything else is a framing error.
            if (!HEADER_SO_FAR.matcher(h).matches()) {
                throw new FramingException("bad chunked framing: expected a chunk header \"\\n#<length>\\n\" or the"
                        + " end of chunks \"\\n##\\n\", got " + printable(h));
            }
            if (h.equals("\n##\n")) {
                header.setLength(0);
                String complete = message.toString(StandardCharsets.UTF_8);
                message.reset();
                deliver(complete);
                return i;
            }
            if (h.length() > 3 && h.endsWith("\n") && !h.startsWith("\n##")) {
                long size = Long.parseLong(h.substring(2, h.length() - 1));
                if (size > Framing.MAX_CHUNK) {
                    throw new FramingException("bad chunked framing: chunk of " + size + " bytes, more than RFC 6242"
                            + " allows (4294967295)");
                }
                chunkLeft = size;
                header.setLength(0);
            }
        }
        return i;
    }

    private void append(byte b) throws FramingException {
        if (message.size() >= maxMessage + END.length) {
            throw tooLarge();
        }
        message.write(b);
    }

    private FramingException tooLarge() {
        return new FramingException("a message from the device is larger than " + maxMessage + " bytes (extras.max_output)");
    }

    private void deliver(String xml) {
        onMessage.accept(xml);
    }

    private static String printable(String text) {
        return "\"" + text.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    /** The bytes on the channel are not framed as agreed. */
    static final class FramingException extends Exception {
        FramingException(String message) {
            super(message);
        }
    }
}
