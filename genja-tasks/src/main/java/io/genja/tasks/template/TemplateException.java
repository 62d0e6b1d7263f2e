package io.genja.tasks.template;

/**
 * A Jinja2 template could not be read or rendered. The message names the template file and the line
 * ({@code templates/ntp.j2:3: ...}), what went wrong, and for an unknown variable which ones are known.
 */
public final class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param file the template file as the user named it
     * @param line the 1-based line of the problem, 0 when it concerns the whole file
     */
    public TemplateException(String file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The template file as the user named it. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
