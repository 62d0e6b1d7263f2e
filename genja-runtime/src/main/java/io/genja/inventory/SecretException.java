package io.genja.inventory;

/**
 * A {@code ${env:...}} or {@code ${file:...}} reference that cannot be resolved, or that is refused (a file outside
 * the secrets directory, an unknown scheme). The message names the host, the field and the reference, never a
 * value. The connection that needed it fails with {@code VALIDATION}; nothing is opened.
 */
public final class SecretException extends Exception {

    private static final long serialVersionUID = 1L;

    public SecretException(String message) {
        super(message);
    }
}
