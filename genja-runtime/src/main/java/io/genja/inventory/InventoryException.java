package io.genja.inventory;

import io.genja.document.Problem;
import java.util.List;

/**
 * An inventory could not be built or loaded. Carries every problem found (each with file, line and column when
 * it comes from a file), not just the first; the message lists them all, one per line.
 */
public class InventoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InventoryException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** One problem without a place in a file. */
    public static InventoryException of(String message) {
        return new InventoryException(List.of(Problem.of(message)));
    }

    /** Every problem, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder message = new StringBuilder().append(problems.size()).append(" problems in the inventory:");
        problems.forEach(problem -> message.append("\n  ").append(problem));
        return message.toString();
    }
}
