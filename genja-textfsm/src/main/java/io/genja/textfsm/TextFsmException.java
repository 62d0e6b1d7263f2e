package io.genja.textfsm;

/**
 * A template's {@code Error} action fired on a line of the input: the text is not what the template accepts.
 * {@link #textFsmMessage()} is textfsm's {@code TextFSMError} message ({@code Error: <message>. Rule Line: 12.
 * Input Line: <line>.}); {@link #getMessage()} adds the template's file when it was read from one.
 */
public final class TextFsmException extends RuntimeException {

    private final String textFsmMessage;

    TextFsmException(String source, String textFsmMessage) {
        super(source == null ? textFsmMessage : source + ": " + textFsmMessage);
        this.textFsmMessage = textFsmMessage;
    }

    /** The message as textfsm words it. */
    public String textFsmMessage() {
        return textFsmMessage;
    }
}
