package io.genja.inventory;

/**
 * A filter expression given to {@link Filter#parse} is malformed. The message shows the expression with a caret
 * under the offending position.
 */
public final class FilterSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;

    public FilterSyntaxException(String expression, int position, String problem) {
        super("bad filter \"" + expression + "\" at position " + (position + 1) + ": " + problem + "\n  "
                + expression + "\n  " + " ".repeat(position) + "^");
        this.expression = expression;
        this.position = position;
    }

    public String expression() {
        return expression;
    }

    /** The 0-based index into {@link #expression()} where the problem is. */
    public int position() {
        return position;
    }
}
