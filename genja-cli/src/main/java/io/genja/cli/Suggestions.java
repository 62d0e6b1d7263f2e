package io.genja.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?" for names typed on the command line. */
final class Suggestions {

    private Suggestions() {
    }

    /** The known name closest to {@code typed}, if it is close enough to be a likely typo. */
    static Optional<String> closest(String typed, Collection<String> known) {
        return known.stream()
                .filter(name -> distance(typed.toLowerCase(), name.toLowerCase()) <= Math.max(1, name.length() / 3))
                .min(Comparator.comparingInt((String name) -> distance(typed.toLowerCase(), name.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code " Did you mean \"x\"?"}, or nothing. */
    static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(name -> " Did you mean \"" + name + "\"?").orElse("");
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
