package io.genja.settings;

import io.genja.GenjaException;
import io.genja.document.Problem;
import java.util.List;
import java.util.Optional;

/** A settings file (or a {@code GENJA_*} environment variable) is wrong; carries every problem found. */
public final class SettingsException extends GenjaException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final transient Settings readAnyway;

    public SettingsException(List<Problem> problems) {
        this(problems, null);
    }

    SettingsException(List<Problem> problems, Settings readAnyway) {
        super(message(problems));
        this.problems = List.copyOf(problems);
        this.readAnyway = readAnyway;
    }

    /**
     * The settings as read despite the problems, each bad value replaced by its default, when the whole file was
     * read: a check goes on with them to the inventory, so one run reports the problems of both.
     */
    public Optional<Settings> readAnyway() {
        return Optional.ofNullable(readAnyway);
    }

    /** Every problem, in file order; environment problems have no file. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder message = new StringBuilder().append(problems.size()).append(" problems in the settings:");
        problems.forEach(problem -> message.append("\n  ").append(problem));
        return message.toString();
    }
}
