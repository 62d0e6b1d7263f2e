package io.genja.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A plain-text table with aligned columns; the last column is not padded. */
final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(cell == null ? "" : cell.replace('\n', ' ').replace('\r', ' '));
        }
        rows.add(row);
        return this;
    }

    /** Prints the table; {@code style} may decorate a cell (colour) after it has been padded. */
    void print(PrintStream out, int styledColumn, UnaryOperator<String> style) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(headers, widths, -1, UnaryOperator.identity()));
        for (List<String> row : rows) {
            out.println(line(row, widths, styledColumn, style));
        }
    }

    void print(PrintStream out) {
        print(out, -1, UnaryOperator.identity());
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String line(List<String> cells, int[] widths, int styledColumn, UnaryOperator<String> style) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean last = i == cells.size() - 1;
            String padded = last ? cell : pad(cell, widths[i]);
            line.append(i == styledColumn ? style.apply(padded) : padded);
            if (!last) {
                line.append("  ");
            }
        }
        return line.toString().stripTrailing();
    }
}
