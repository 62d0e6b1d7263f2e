package io.genja.device;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One command for a {@link CliDriver} with its per-call options. The driver uses {@code expect} and
 * {@code answers}; the transport uses {@code timeout}, which it owns.
 *
 * @param command the line to send, or {@code null} to wait for the device's first prompt
 * @param timeout how long the command may take, or {@code null} for the transport's default limits
 * @param expect ends the output where it matches the last line received, instead of at the prompt; or {@code null}
 * @param answers questions the device may ask while the command runs and their answers
 */
public record CliRequest(String command, Duration timeout, Pattern expect, List<Answer> answers) {

    /**
     * One question and its answer (sent followed by a newline). A question is answered each time it appears in
     * the last line of new output.
     *
     * @param secret whether the answer is a secret: the driver masks it in the output and in {@link CliDriver#tail}
     *     (a device may echo it), and {@link #toString()} never shows it
     */
    public record Answer(Pattern question, String answer, boolean secret) {
        public Answer {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(answer, "answer");
        }

        /** The profile's exchange as a (not secret) answer. */
        public static Answer of(PlatformProfile.Exchange exchange) {
            return new Answer(exchange.expect(), exchange.send(), false);
        }

        @Override
        public String toString() {
            return question.pattern() + " -> " + (secret ? "****" : "\"" + answer + "\"");
        }
    }

    public CliRequest {
        answers = List.copyOf(answers);
    }

    /** {@code command} with the transport's defaults, ending at the prompt. */
    public static CliRequest of(String command) {
        return new CliRequest(command, null, null, List.of());
    }

    /** This request also answering {@code more}. */
    public CliRequest answering(List<Answer> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Answer> all = new java.util.ArrayList<>(answers);
        all.addAll(more);
        return new CliRequest(command, timeout, expect, all);
    }

    /** How messages name the command: quoted, or "the first prompt". */
    public String label() {
        return command == null ? "the first prompt" : "\"" + command + "\"";
    }
}
