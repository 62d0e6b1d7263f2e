package io.genja.textfsm;

/**
 * A template TextFSM refuses. {@link #textFsmMessage()} is the message Google's textfsm gives for the same template
 * (its {@code TextFSMTemplateError}, with the template's line number); {@link #getMessage()} adds the template's
 * file when it was read from one.
 */
public final class TextFsmTemplateException extends RuntimeException {

    private final String textFsmMessage;

    TextFsmTemplateException(String source, String textFsmMessage) {
        super(source == null ? textFsmMessage : source + ": " + textFsmMessage);
        this.textFsmMessage = textFsmMessage;
    }

    /** The message as textfsm words it, e.g. {@code Invalid state name: 'Start state'. Line: 4}. */
    public String textFsmMessage() {
        return textFsmMessage;
    }
}
