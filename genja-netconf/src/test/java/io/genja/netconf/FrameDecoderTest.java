package io.genja.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing in pieces of any size, as MINA hands the bytes over. */
class FrameDecoderTest {

    private final List<String> messages = new ArrayList<>();

    private void feedByteByByte(FrameDecoder decoder, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            decoder.feed(bytes, i, 1);
        }
    }

    @Test
    void endOfMessageFramingSplitsAtTheMarkerEvenWhenItArrivesInPieces() throws Exception {
        FrameDecoder decoder = new FrameDecoder(messages::add, 1 << 20);
        feedByteByByte(decoder, "<a>]]></a>]]>]]><b/>]]]>]]>");

        assertThat(messages).containsExactly("<a>]]></a>", "<b/>]");
    }

    @Test
    void chunkedFramingJoinsChunksAndSwitchesAfterTheHello() throws Exception {
        FrameDecoder decoder = new FrameDecoder(xml -> {
            messages.add(xml);
            if (xml.equals("<hello/>")) {
                decoder().use(Framing.CHUNKED);
            }
        }, 1 << 20);
        this.decoder = decoder;
        byte[] all = ("<hello/>]]>]]>" + "\n#4\n<rpc\n#8\n-reply/>\n##\n" + "\n#7\n<ok/>é\n##\n")
                .getBytes(StandardCharsets.UTF_8);
        decoder.feed(all, 0, all.length);

        assertThat(messages).containsExactly("<hello/>", "<rpc-reply/>", "<ok/>é");
        assertThat(Framing.CHUNKED.frame("<ok/>")).asString(StandardCharsets.UTF_8).isEqualTo("\n#5\n<ok/>\n##\n");
    }

    private FrameDecoder decoder;

    private FrameDecoder decoder() {
        return decoder;
    }

    @Test
    void aBadChunkHeaderIsAFramingError() {
        FrameDecoder decoder = new FrameDecoder(messages::add, 1 << 20);
        decoder.use(Framing.CHUNKED);
        byte[] bad = "\n#0\n".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> decoder.feed(bad, 0, bad.length)).isInstanceOf(FrameDecoder.FramingException.class)
                .hasMessageContaining("bad chunked framing").hasMessageContaining("\\n#0");
    }

    @Test
    void aMessageOverTheLimitIsRefused() {
        FrameDecoder decoder = new FrameDecoder(messages::add, 16);
        decoder.use(Framing.CHUNKED);
        byte[] big = ("\n#40\n" + "x".repeat(40)).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> decoder.feed(big, 0, big.length)).isInstanceOf(FrameDecoder.FramingException.class)
                .hasMessageContaining("larger than 16 bytes");
    }
}
