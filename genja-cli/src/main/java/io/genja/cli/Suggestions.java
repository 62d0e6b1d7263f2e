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

    /** Edit distance where swapping two adjacent letters counts as one edit (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
