package io.genja.cli;

import java.util.Collection;

/** "Did you mean ...?" for names typed on the command line, matched as the runtime matches them. */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code " Did you mean \"x\"?"} to end a message with, or nothing when no known name is close. */
    static String didYouMean(String typed, Collection<String> known) {
        return io.genja.document.Suggestions.closest(typed, known)
                .map(name -> " Did you mean \"" + name + "\"?").orElse("");
    }
}
