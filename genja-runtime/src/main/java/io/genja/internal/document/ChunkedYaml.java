package io.genja.internal.document;

import io.genja.document.Problem;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * Parses a large YAML file whose root is a block map on several threads: the text is cut at lines that start a
 * new root key, each piece is parsed and its entries converted on its own, and the results are put back in
 * document order. YAML is not meant to be cut, so any piece that fails (a cut inside a multi-line string, an
 * alias to an anchor in another piece, ...) makes the caller parse the whole file in one piece instead, which
 * then reports what is really wrong. A cut can only make a piece fail, never read differently: the piece before
 * a cut inside a construct always ends inside that construct.
 */
final class ChunkedYaml {

    /** Below this, one thread is fast enough. */
    static final int MIN_LENGTH = 1 << 20;
    private static final int PIECES_PER_THREAD = 4;

    private ChunkedYaml() {
    }

    /** One piece's entries, converted, and the problems its conversion found. */
    record Piece<T>(List<T> values, List<Problem> problems) {
    }

    /**
     * The converted entries of every piece in order, or empty when the text cannot be cut or a piece failed.
     *
     * @param convert turns an entry into a value, reporting to the given checker; called on pool threads
     */
    static <T> Optional<List<Piece<T>>> read(String text, String file, ReadLimits limits, int threads,
                                             BiFunction<DocumentChecker, MapNode.Entry, T> convert) {
        return read(text, file, limits, threads, threads * PIECES_PER_THREAD, convert);
    }

    static <T> Optional<List<Piece<T>>> read(String text, String file, ReadLimits limits, int threads, int pieces,
                                             BiFunction<DocumentChecker, MapNode.Entry, T> convert) {
        List<int[]> cuts = cuts(text, pieces);
        if (cuts.size() < 2) {
            return Optional.empty();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, cuts.size()), runnable -> {
            Thread thread = new Thread(runnable, "genja-yaml-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Piece<T>>> futures = new ArrayList<>();
            for (int[] cut : cuts) {
                futures.add(pool.submit(() -> piece(text.substring(cut[0], cut[1]), cut[2], file, limits, convert)));
            }
            List<Piece<T>> results = new ArrayList<>();
            for (Future<Piece<T>> future : futures) {
                Piece<T> piece = future.get();
                if (piece == null) {
                    return Optional.empty();
                }
                results.add(piece);
            }
            return Optional.of(results);
        } catch (ExecutionException e) {
            // A converter failed: the one-piece parse will fail the same way, on the caller's thread.
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Piece<T> piece(String text, int lineOffset, String file, ReadLimits limits,
                                      BiFunction<DocumentChecker, MapNode.Entry, T> convert) {
        List<Problem> problems = new ArrayList<>();
        DocumentChecker checker = new DocumentChecker(file, problems);
        List<T> values = new ArrayList<>();
        try {
            Node root = new YamlComposer(file, limits, lineOffset)
                    .compose(new StringReader(text), entry -> values.add(convert.apply(checker, entry)));
            return root == null || root instanceof MapNode ? new Piece<>(values, problems) : null;
        } catch (DocumentException | IOException e) {
            return null;
        }
    }

    /**
     * About {@code pieces} ranges {@code [start, end, lineOffset]} of {@code text}, each starting at a line
     * that begins a root key; a single range when the text has document markers or directives, which only
     * make sense for the whole file.
     */
    static List<int[]> cuts(String text, int pieces) {
        if (text.contains("\n---") || text.contains("\n...") || text.contains("\n%")) {
            return List.of(new int[] {0, text.length(), 0});
        }
        List<int[]> cuts = new ArrayList<>();
        int start = 0;
        int line = 0;
        int step = Math.max(1, text.length() / pieces);
        while (start < text.length()) {
            int cut = nextRootKey(text, start, Math.min(text.length(), start + step));
            cuts.add(new int[] {start, cut, line});
            line += count(text, start, cut);
            start = cut;
        }
        return cuts;
    }

    /**
     * The start of the first line after {@code start} and at or after the line of {@code from} that begins with
     * a root key, or the end.
     */
    private static int nextRootKey(String text, int start, int from) {
        int i = text.lastIndexOf('\n', from - 1) + 1;
        if (i <= start) {
            int newline = text.indexOf('\n', start);
            i = newline < 0 ? text.length() : newline + 1;
        }
        while (i < text.length()) {
            if (i > 0 && startsKey(text.charAt(i))) {
                return i;
            }
            int newline = text.indexOf('\n', i);
            if (newline < 0) {
                return text.length();
            }
            i = newline + 1;
        }
        return text.length();
    }

    private static boolean startsKey(char c) {
        return c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '#' && c != '-' && c != '{' && c != '['
                && c != '}' && c != ']' && c != ',' && c != '&' && c != '*' && c != '!' && c != '|' && c != '>'
                && c != '?' && c != ':' && c != '\uFEFF';
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
