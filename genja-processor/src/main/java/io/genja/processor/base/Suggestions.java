package io.genja.processor.base;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?": the known name closest to a misspelt one. The processor runs inside javac without
 * genja-runtime, so this is a copy of {@code io.genja.document.Suggestions}; {@code SuggestionsAgreementTest}
 * (genja-processor tests) fails the build when the two give different answers. Change both together.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The known name closest to {@code typed}, if it is close enough to be a plausible typo. The rule, the same
     * wherever Genja suggests a name (compile time and run time):
     * <ul>
     *   <li>names are compared ignoring case;</li>
     *   <li>the distance counts insertions, deletions, substitutions and swaps of two neighbouring characters;</li>
     *   <li>a name is close enough when the distance is at most a third of the longer name's length, rounded to
     *       the nearest (one edit up to 4 characters, two up to 7, three up to 10, ...), at least one, and smaller
     *       than the typed name's length (a suggestion keeps something of what was typed);</li>
     *   <li>the closest name wins; a tie goes to the alphabetically first ({@link String#compareTo}), so the message
     *       does not depend on the order of {@code known}.</li>
     * </ul>
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String wrong = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String right = candidate.toLowerCase(Locale.ROOT);
            int distance = distance(wrong, right);
            int allowed = Math.max(1, (Math.max(wrong.length(), right.length()) + 1) / 3);
            boolean plausible = distance <= allowed && distance < wrong.length();
            if (plausible && (distance < bestDistance || distance == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The edit distance between {@code a} and {@code b}: insertions, deletions, substitutions and swaps of two
     * neighbouring characters (Levenshtein with transpositions, "optimal string alignment"), each costing one.
     */
    static int distance(String a, String b) {
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
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
