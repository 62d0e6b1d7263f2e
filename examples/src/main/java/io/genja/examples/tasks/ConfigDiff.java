package io.genja.examples.tasks;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.List;

/**
 * What changed between two configurations.
 *
 * @param unified the change as a unified diff ({@code diff -u}), three lines of context
 * @param added lines added
 * @param removed lines removed
 */
record ConfigDiff(String unified, int added, int removed) {

    static ConfigDiff between(String before, String after, String name) {
        List<String> old = before.lines().toList();
        List<String> now = after.lines().toList();
        Patch<String> patch = DiffUtils.diff(old, now);
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            added += delta.getTarget().size();
            removed += delta.getSource().size();
        }
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(name, name, old, patch, 3);
        return new ConfigDiff(String.join("\n", unified), added, removed);
    }
}
