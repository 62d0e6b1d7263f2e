package io.genja.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One command for {@link DeviceCli#send(CliCommand)} with its per-call options: its own timeout, a pattern that
 * ends its output instead of the prompt, and the answers to questions the device asks while it runs. Immutable:
 * each {@code with…} method returns a new command.
 *
 * <pre>{@code
 * cli.send(CliCommand.of("copy running-config startup-config")
 *         .answering("Destination filename \\[startup-config\\]\\?", ""));
 * cli.send(CliCommand.of("reload").answering("\\[confirm\\]", "n"));
 * cli.send(CliCommand.of("show tech-support").withTimeout(Duration.ofMinutes(5)));
 * }</pre>
 */
public final class CliCommand {

    /**
     * One question the device may ask while the command runs and the line to answer it with (without the
     * newline, which is added). A question is answered each time it appears at the end of the output.
     *
     * @param question found in the last line of the output, e.g. {@code \[confirm\]}
     * @param answer the line sent back; {@code ""} sends only a newline
     * @param secret whether the answer is hidden: never in {@link #toString()}, messages or logs
     */
    public record Answer(Pattern question, String answer, boolean secret) {
        public Answer {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(answer, "answer");
        }

        @Override
        public String toString() {
            return question.pattern() + " -> " + (secret ? "****" : "\"" + answer + "\"");
        }
    }

    private final String command;
    private final Duration timeout;
    private final Pattern expect;
    private final List<Answer> answers;

    private CliCommand(String command, Duration timeout, Pattern expect, List<Answer> answers) {
        this.command = command;
        this.timeout = timeout;
        this.expect = expect;
        this.answers = List.copyOf(answers);
    }

    /** The command line {@code command}, sent as is, with the connection's default timeout, ending at the prompt. */
    public static CliCommand of(String command) {
        Objects.requireNonNull(command, "command");
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a command is one line; send lines one at a time, got "
                    + command.lines().count() + " lines");
        }
        return new CliCommand(command, null, null, List.of());
    }

    /** This command waiting up to {@code timeout} for its output, longer or shorter than the connection's default. */
    public CliCommand withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a command's timeout must be positive, got " + timeout);
        }
        return new CliCommand(command, timeout, expect, answers);
    }

    /** This command's output ending where {@code regex} matches the last line received, instead of at the prompt. */
    public CliCommand expecting(String regex) {
        return new CliCommand(command, timeout, compile(regex, "expecting"), answers);
    }

    /** This command answering {@code answer} whenever the device asks {@code questionRegex}. */
    public CliCommand answering(String questionRegex, String answer) {
        return withAnswer(new Answer(compile(questionRegex, "answering"), answer, false));
    }

    /** Like {@link #answering}, for a password or secret: the answer is never printed, logged or in toString. */
    public CliCommand answeringSecret(String questionRegex, String answer) {
        return withAnswer(new Answer(compile(questionRegex, "answeringSecret"), answer, true));
    }

    /** The command line as sent. */
    public String command() {
        return command;
    }

    /** The timeout of this command; empty for the connection's default. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The pattern ending the output instead of the prompt; empty for the prompt. */
    public Optional<Pattern> expect() {
        return Optional.ofNullable(expect);
    }

    /** The questions and answers, in the order given (the first whose question matches is sent). */
    public List<Answer> answers() {
        return answers;
    }

    private CliCommand withAnswer(Answer answer) {
        List<Answer> more = new ArrayList<>(answers);
        more.add(answer);
        return new CliCommand(command, timeout, expect, more);
    }

    private static Pattern compile(String regex, String method) {
        Objects.requireNonNull(regex, "regex");
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(method + "(\"" + regex + "\") is not a regular expression: "
                    + e.getDescription(), e);
        }
    }

    /** The command and its options; secret answers show as {@code ****}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("CliCommand[").append('"').append(command).append('"');
        if (timeout != null) {
            s.append(", timeout=").append(timeout);
        }
        if (expect != null) {
            s.append(", expecting=").append(expect.pattern());
        }
        if (!answers.isEmpty()) {
            s.append(", answers=").append(answers);
        }
        return s.append(']').toString();
    }
}
