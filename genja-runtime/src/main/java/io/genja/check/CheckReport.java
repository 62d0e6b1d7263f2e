package io.genja.check;

import io.genja.document.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * What a check of settings, inventory and task catalog found.
 *
 * @param errors what would fail a run wherever it happens, in the order found (settings, inventory, connections,
 *     catalog), each with file, line and column when it is in a file
 * @param warnings what would fail hosts here but may be fine where the run happens (secrets are often only there)
 * @param files the settings and inventory files the check read, for a build tool to tell whether they changed
 */
public record CheckReport(List<Problem> errors, List<Problem> warnings, List<Path> files) {

    public CheckReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        files = List.copyOf(files);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
