package io.genja;

/**
 * A run could not start: an unknown task, plugin or processor, a missing or invalid task option, a broken
 * configuration. Thrown before any host is touched; the message says what is wrong and what would be right.
 */
public class GenjaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GenjaException(String message) {
        super(message);
    }

    public GenjaException(String message, Throwable cause) {
        super(message, cause);
    }
}
