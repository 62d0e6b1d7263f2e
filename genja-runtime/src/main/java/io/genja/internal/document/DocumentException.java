package io.genja.internal.document;

import io.genja.document.Problem;

/** A file could not be read or parsed; the problem says where and why. */
public final class DocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public DocumentException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
