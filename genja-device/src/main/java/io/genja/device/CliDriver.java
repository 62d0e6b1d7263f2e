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

        /**
         * The device asked one of the request's questions: write {@code response} (the answer and a newline) and
         * keep reading. A secret answer must not be logged.
         */
        record Answer(byte[] response, boolean secret) implements Step {
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
    private CliRequest request = CliRequest.of(null);
    /** Where the output not yet looked at for questions starts: each question is answered once where it appears. */
    private int answeredUpTo;
    private String prompt;
    private String lastPrompt;

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
        return begin(CliRequest.of(command));
    }

    /**
     * Starts waiting for the request's output, answering its questions and ending at its {@code expect} pattern if
     * it has one; returns the bytes to send. The transport applies the request's timeout.
     */
    public byte[] begin(CliRequest request) {
        received.setLength(0);
        this.request = request;
        this.command = request.command();
        this.answeredUpTo = 0;
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
        String cleanLast = OutputCleaner.clean(lastLine);
        if (request.expect() != null && request.expect().matcher(cleanLast).find()) {
            waiting = false;
            if (command != null && isPrompt(lastLine, false)) {
                lastPrompt = cleanLast.strip(); // the pattern may also match the prompt: the level still counts
            }
            return new Step.Done(masked(output(command, OutputCleaner.clean(received.toString()) + "\n")));
        }
        int lineStart = received.length() - lastLine.length();
        if (lineStart >= answeredUpTo) {
            for (CliRequest.Answer answer : request.answers()) {
                if (answer.question().matcher(cleanLast).find()) {
                    answeredUpTo = received.length();
                    return new Step.Answer((answer.answer() + "\n").getBytes(StandardCharsets.UTF_8), answer.secret());
                }
            }
        }
        if (!isPrompt(lastLine, command == null)) {
            return MORE;
        }
        waiting = false;
        lastPrompt = cleanLast.strip();
        if (command == null) {
            prompt = lastPrompt;
            return new Step.Done("");
        }
        return new Step.Done(masked(output(command, OutputCleaner.clean(received.toString()))));
    }

    /** {@code text} with the request's secret answers replaced by {@code ****} (in case the device echoed one). */
    private String masked(String text) {
        String result = text;
        for (CliRequest.Answer answer : request.answers()) {
            if (answer.secret() && !answer.answer().isEmpty()) {
                result = result.replace(answer.answer(), "****");
            }
        }
        return result;
    }

    /** Whether a command (or the first prompt) is waiting for its prompt. */
    public boolean isWaiting() {
        return waiting;
    }

    /** The prompt seen first, e.g. {@code router1#}; {@code null} before it arrived. */
    public String prompt() {
        return prompt;
    }

    /**
     * The prompt line that ended the last command (or the first prompt), e.g. {@code router1(config)#}: tells the
     * privilege level the session is in. A command that ended at its {@code expect} pattern leaves it unchanged.
     */
    public String lastPrompt() {
        return lastPrompt;
    }

    /** How many characters arrived for the current command so far. */
    public int receivedLength() {
        return received.length();
    }

    /** The end of what arrived for the current command, quoted with control characters shown, for messages. */
    public String tail(int max) {
        String s = masked(received.toString());
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
