package io.genja.device;

import java.util.regex.Pattern;

/** Turns what a terminal received into plain text: no ANSI escapes, no {@code \r}, backspaces applied. */
public final class OutputCleaner {

    private static final Pattern ANSI = Pattern.compile("\u001B(\\[[0-?]*[ -/]*[@-~]|[()][A-Za-z0-9]|[=>78DEHM])");
    /** How pagers erase their marker: backspaces over it, spaces, backspaces again. */
    private static final Pattern ERASE = Pattern.compile("\b+ +\b+");

    private OutputCleaner() {
    }

    public static String clean(String raw) {
        String text = ANSI.matcher(raw).replaceAll("");
        text = ERASE.matcher(text).replaceAll("");
        text = text.replace("\r\n", "\n");
        StringBuilder out = new StringBuilder(text.length());
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\b') {
                if (out.length() > lineStart) {
                    out.setLength(out.length() - 1);
                }
            } else if (c == '\r') {
                // a bare carriage return rewrites the line on a terminal; the text after it is what shows
                out.setLength(lineStart);
            } else {
                out.append(c);
                if (c == '\n') {
                    lineStart = out.length();
                }
            }
        }
        return out.toString();
    }
}
