package io.genja.inventory;

import java.util.List;

/** An inventory could not be built or loaded; carries every problem found, not just the first. */
public class InventoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InventoryException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in the inventory:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one readable line each. */
    public List<String> problems() {
        return problems;
    }
}
