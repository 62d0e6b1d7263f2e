package io.genja.device;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * The interactive half of a device CLI, over any byte stream (an SSH shell channel, a Telnet socket, a test's
 * in-memory pipe): it knows when a command's output ends (the prompt comes back), answers pager markers, and
 * takes the echo, the prompt, {@code \r} and ANSI escapes out of the output.
 *
 * <p>It does no I/O and keeps no threads or timers: the transport writes what {@link #begin} and
 * {@link Step.Page} hand it, feeds what the device sends to {@link #receive}, and owns timeouts and the failures
 * it reports (each transport has its own, e.g. genja-ssh's {@code ConnectionException}). One command at a time;
 * not thread-safe (the transport serialises calls).
 *
 * <pre>{@code
 * CliDriver cli = new CliDriver(profile);
 * cli.begin(null);                       // wait for the first prompt
 * ... stream.write(cli.begin("show version")); then feed each chunk to cli.receive(bytes) until Step.Done
 * }</pre>
 */
public final class CliDriver {

    /** What the transport does after a chunk of output. */
    public sealed interface Step {
        /** Keep reading. */
        record More() implements Step {
        }

        /** The device shows a pager marker: write {@code response} and keep reading. */
        record Page(byte[] response) implements Step {
        }

        /** The prompt is back: the command's {@code output}, cleaned (empty for the first prompt). */
        record Done(String output) implements Step {
        }

        /** Nothing was asked: output nobody waits for (a banner after the prompt, a late echo). */
        record Idle() implements Step {
        }
    }

    /** What is kept of output nobody waits for: enough for {@link #tail}, never a pile between commands. */
    private static final int IDLE_KEPT = 4096;

    private static final Step MORE = new Step.More();
    private static final Step IDLE = new Step.Idle();

    private final PlatformProfile profile;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final StringBuilder received = new StringBuilder();
    private boolean waiting;
    private String command;
    private String prompt;

    public CliDriver(PlatformProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public PlatformProfile profile() {
        return profile;
    }

    /** The commands to run once when the session opens (paging off); a device that rejects one still works. */
    public List<String> setupCommands() {
        return profile.pagingOff();
    }

    /**
     * Starts waiting for {@code command}'s output and returns the bytes to send for it; {@code command == null}
     * waits for the device's first prompt and returns no bytes.
     */
    public byte[] begin(String command) {
        received.setLength(0);
        this.command = command;
        this.waiting = true;
        return command == null ? new byte[0] : (command + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Feeds what the device sent; says what to do next. */
    public Step receive(byte[] bytes) {
        CharBuffer chars = CharBuffer.allocate(bytes.length + 4);
        decoder.decode(ByteBuffer.wrap(bytes), chars, false);
        chars.flip();
        received.append(chars);
        if (!waiting) {
            if (received.length() > IDLE_KEPT) {
                received.delete(0, received.length() - IDLE_KEPT);
            }
            return IDLE;
        }
        String lastLine = lastLine(received);
        Matcher more = profile.more().matcher(lastLine);
        if (more.find()) {
            received.setLength(received.length() - (lastLine.length() - more.start()));
            return new Step.Page(profile.moreResponse().getBytes(StandardCharsets.UTF_8));
        }
        if (!isPrompt(lastLine, command == null)) {
            return MORE;
        }
        waiting = false;
        if (command == null) {
            prompt = OutputCleaner.clean(lastLine).strip();
            return new Step.Done("");
        }
        return new Step.Done(output(command, OutputCleaner.clean(received.toString())));
    }

    /** Whether a command (or the first prompt) is waiting for its prompt. */
    public boolean isWaiting() {
        return waiting;
    }

    /** The prompt seen first, e.g. {@code router1#}; {@code null} before it arrived. */
    public String prompt() {
        return prompt;
    }

    /** How many characters arrived for the current command so far. */
    public int receivedLength() {
        return received.length();
    }

    /** The end of what arrived for the current command, quoted with control characters shown, for messages. */
    public String tail(int max) {
        String s = received.toString();
        String t = s.length() > max ? "..." + s.substring(s.length() - max) : s;
        return "\"" + t.replace("\r", "\\r").replace("\n", "\\n").replace("\u001b", "\\e") + "\"";
    }

    /** Stops waiting (the transport gave up on the command). */
    public void abandon() {
        waiting = false;
    }

    /** Whether {@code lastLine} is the prompt: any prompt at first, then the one seen first or a mode of it. */
    private boolean isPrompt(String lastLine, boolean first) {
        String line = OutputCleaner.clean(lastLine);
        if (!profile.prompt().matcher(line).find()) {
            return false;
        }
        if (first || prompt == null) {
            return true;
        }
        String stripped = line.strip();
        // "router#" also ends "router(config)#": the same host name before the mode
        String base = prompt.substring(0, Math.max(1, prompt.length() - 1));
        return stripped.equals(prompt) || stripped.startsWith(base);
    }

    /** The command's output: without the echoed command line and without the prompt line. */
    private static String output(String command, String cleaned) {
        String text = cleaned;
        int firstNewline = text.indexOf('\n');
        if (firstNewline >= 0 && text.substring(0, firstNewline).contains(command.strip())) {
            text = text.substring(firstNewline + 1);
        }
        int lastNewline = text.lastIndexOf('\n');
        text = lastNewline >= 0 ? text.substring(0, lastNewline) : "";
        return text;
    }

    private static String lastLine(CharSequence text) {
        int length = text.length();
        int start = length;
        while (start > 0 && text.charAt(start - 1) != '\n') {
            start--;
            if (length - start > 1024) {
                break; // a prompt is never that long
            }
        }
        return text.subSequence(start, length).toString();
    }
}
