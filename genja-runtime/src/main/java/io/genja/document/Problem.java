package io.genja.document;

/**
 * One thing wrong with an input file: where (file, 1-based line and column; 0 when unknown) and what.
 * {@link #toString()} reads {@code hosts.yaml:3:5: unknown field "hostnmae" in host "router1"; did you mean "hostname"?}.
 *
 * @param file the file as the user named it, or {@code null} when the problem is not in a file
 */
public record Problem(String file, int line, int column, String message) {

    /** A problem that has no place in a file (an inventory built in code, an environment variable). */
    public static Problem of(String message) {
        return new Problem(null, 0, 0, message);
    }

    /** {@code file:line:column}, {@code file} or an empty string, as far as it is known. */
    public String location() {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + ":" + line + ":" + column : file;
    }

    @Override
    public String toString() {
        String location = location();
        return location.isEmpty() ? message : location + ": " + message;
    }
}
