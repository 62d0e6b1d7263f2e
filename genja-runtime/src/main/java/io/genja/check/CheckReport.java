package io.genja.check;

import io.genja.document.Problem;
import java.util.List;

/**
 * What a check of settings, inventory and task catalog found.
 *
 * @param errors what would fail a run wherever it happens, in the order found (settings, inventory, connections,
 *     catalog), each with file, line and column when it is in a file
 * @param warnings what would fail hosts here but may be fine where the run happens (secrets are often only there)
 */
public record CheckReport(List<Problem> errors, List<Problem> warnings) {

    public CheckReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
