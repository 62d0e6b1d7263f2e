package io.genja.tasks;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration text as send_config compares it: without the lines a device changes on every read, as unified
 * diffs, and as a preview of which configuration lines would change the running configuration.
 */
final class ConfigText {

    private ConfigText() {
    }

    /**
     * The configuration's lines without those that differ on every read and say nothing about the configuration:
     * comment lines ({@code !Time: ...}, {@code ! Last configuration change at ...}), {@code Building configuration...}
     * and {@code Current configuration : N bytes}, trailing spaces and blank lines.
     */
    static List<String> meaningfulLines(String config) {
        List<String> lines = new ArrayList<>();
        for (String line : config.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("!") || trimmed.startsWith("#")
                    || trimmed.startsWith("Building configuration") || trimmed.startsWith("Current configuration")) {
                continue;
            }
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    /**
     * Whether a device's diff ({@code show commit changes diff}, {@code show | compare},
     * {@code show session-config diffs}) shows a change: some line added or removed, not only the headers and
     * footers some platforms print around an empty diff.
     */
    static boolean showsChange(String deviceDiff) {
        return deviceDiff.lines().map(String::strip).anyMatch(line -> (line.startsWith("+") || line.startsWith("-"))
                && !line.startsWith("+++") && !line.startsWith("---"));
    }

    /** A unified diff of two configurations (meaningful lines only); empty when they do not differ. */
    static String unifiedDiff(String before, String after, String beforeName, String afterName) {
        List<String> from = meaningfulLines(before);
        List<String> to = meaningfulLines(after);
        Patch<String> patch = DiffUtils.diff(from, to);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, from, patch, 3));
    }

    /**
     * What {@code lines} would change in the running configuration {@code running}, for platforms without a
     * candidate to ask: a line already present (under the same parent sections, by indentation) changes nothing;
     * a new line shows as {@code +}; {@code no X} shows {@code X} as {@code -} when it is present and nothing
     * when it is absent already. Parent sections of a changed line are shown as context. Empty when nothing would
     * change. It reads the lines as written: what a device would make of them beyond that (a value replacing
     * another one, defaults it drops) only a real change shows.
     */
    static String preview(String running, List<String> lines, String host) {
        Set<List<String>> present = new HashSet<>();
        Sections sections = new Sections();
        for (String line : meaningfulLines(running)) {
            present.add(sections.pathOf(line));
        }
        List<String> out = new ArrayList<>();
        List<String> shownParents = List.of();
        Sections rendered = new Sections();
        for (String line : lines) {
            if (line.isBlank() || line.strip().startsWith("!")) {
                continue;
            }
            List<String> path = rendered.pathOf(line);
            String text = line.strip();
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            String marked;
            if (text.startsWith("no ")) {
                List<String> removed = new ArrayList<>(path.subList(0, path.size() - 1));
                removed.add(text.substring(3).strip());
                marked = present.contains(removed) ? "-" + indent + text.substring(3).strip() : null;
            } else {
                marked = present.contains(path) ? null : "+" + indent + text;
            }
            if (marked == null) {
                continue;
            }
            List<String> parents = rendered.parentLines();
            if (!parents.equals(shownParents)) {
                for (String parent : parents) {
                    if (!shownParents.contains(parent)) {
                        out.add(" " + parent);
                    }
                }
                shownParents = parents;
            }
            out.add(marked);
        }
        if (out.isEmpty()) {
            return "";
        }
        List<String> diff = new ArrayList<>();
        diff.add("--- " + host + " running-config");
        diff.add("+++ " + host + " running-config with the change (lines as sent)");
        diff.addAll(out);
        return String.join("\n", diff);
    }

    /**
     * Tracks the sections lines are in by their indentation, IOS style: a line belongs to the closest line above
     * it that is indented less.
     */
    private static final class Sections {
        /** The open parents: their indentation and line as written. */
        private final Deque<String> parents = new ArrayDeque<>();

        /** The path of {@code line}: its parents' stripped text, then its own. */
        List<String> pathOf(String line) {
            int indent = indentOf(line);
            while (!parents.isEmpty() && indentOf(parents.peekLast()) >= indent) {
                parents.removeLast();
            }
            List<String> path = new ArrayList<>();
            parents.forEach(parent -> path.add(parent.strip()));
            path.add(line.strip());
            parents.addLast(line);
            return path;
        }

        /** The parent lines (as written) of the last line given to {@link #pathOf}. */
        List<String> parentLines() {
            List<String> lines = new ArrayList<>(parents);
            return lines.subList(0, lines.size() - 1);
        }

        private static int indentOf(String line) {
            return line.length() - line.stripLeading().length();
        }
    }
}
