package io.genja.internal.document;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Fails the read of a line longer than a limit, before the parser has to buffer it: SnakeYAML copies its whole
 * buffer for every chunk of a token it reads, so one long line costs time quadratic in its length.
 */
final class LineLengthLimit extends FilterReader {

    /** Thrown by {@link #read} at the first character over the limit. */
    static final class Exceeded extends IOException {
        Exceeded() {
            super("line too long");
        }
    }

    private final int maxLength;
    private int lineLength;
    private int line = 1;

    LineLengthLimit(Reader in, int maxLength) {
        super(in);
        this.maxLength = maxLength;
    }

    /** The 1-based line being read. */
    int line() {
        return line;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            count(buffer[i]);
        }
        return read;
    }

    private void count(char c) throws Exceeded {
        if (c == '\n') {
            line++;
            lineLength = 0;
        } else if (c != '\r' && ++lineLength > maxLength) {
            throw new Exceeded();
        }
    }
}
