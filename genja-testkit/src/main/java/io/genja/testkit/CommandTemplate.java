package io.genja.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command of a platform profile's {@code config:} section, e.g. {@code commit confirmed {minutes}}, as the
 * simulated device recognises it: words matched ignoring case and runs of spaces, placeholders as values.
 * The device thus answers exactly the commands the profile tells clients to send.
 */
final class CommandTemplate {

    private static final Map<String, String> VALUES = Map.of(
            "minutes", "\\d+", "seconds", "\\d+", "hms", "\\d{1,2}:\\d{2}:\\d{2}",
            "session", "\\S+", "checkpoint", "\\S+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final String template;
    private final Pattern pattern;

    private CommandTemplate(String template) {
        this.template = template;
        StringBuilder regex = new StringBuilder();
        for (String word : template.strip().split("\\s+")) {
            if (regex.length() > 0) {
                regex.append("\\s+");
            }
            Matcher m = PLACEHOLDER.matcher(word);
            int at = 0;
            while (m.find()) {
                regex.append(Pattern.quote(word.substring(at, m.start())));
                regex.append("(?<").append(m.group(1)).append('>')
                        .append(VALUES.getOrDefault(m.group(1), "\\S+")).append(')');
                at = m.end();
            }
            regex.append(Pattern.quote(word.substring(at)));
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** The template, or {@code null} when the profile does not give the command. */
    static CommandTemplate of(String template) {
        return template == null ? null : new CommandTemplate(template);
    }

    /** The placeholders' values when {@code command} is this command, e.g. {@code minutes=5}. */
    Optional<Matcher> match(String command) {
        Matcher m = pattern.matcher(command.strip());
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    boolean matches(String command) {
        return match(command).isPresent();
    }

    @Override
    public String toString() {
        return template;
    }
}
