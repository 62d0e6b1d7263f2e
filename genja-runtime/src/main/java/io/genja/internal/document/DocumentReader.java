package io.genja.internal.document;

import io.genja.document.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Reads a YAML or JSON file (by suffix: {@code .json} is JSON, anything else YAML) into {@link Node}s that keep
 * their line and column. YAML is read safely: plain data only (no tags other than the standard scalar and
 * collection ones, no object construction), with {@link ReadLimits}; scalars follow the YAML 1.2 core schema,
 * so {@code no} and {@code on} stay strings.
 */
public final class DocumentReader {

    private final ReadLimits limits;

    public DocumentReader(ReadLimits limits) {
        this.limits = limits;
    }

    public DocumentReader() {
        this(ReadLimits.DEFAULT);
    }

    /**
     * Parses {@code path}; {@code displayName} is how problems name the file.
     *
     * @throws DocumentException when the file is missing, unreadable, malformed or over a limit
     */
    public Document read(Path path, String displayName) throws DocumentException {
        return read(path, displayName, null);
    }

    /**
     * Parses {@code path}; when its root is a map, each root entry goes to {@code topLevel} as soon as it is
     * parsed and the document's root is an empty map (with the root's position). For files too large to hold
     * as nodes; duplicate root keys are the sink's to find.
     *
     * @param topLevel {@code null} to keep every entry in the document
     */
    public Document read(Path path, String displayName, Consumer<MapNode.Entry> topLevel) throws DocumentException {
        checkFile(path, displayName);
        try (InputStream in = Files.newInputStream(path)) {
            Node root = isJson(path)
                    ? new JsonComposer(displayName, limits).compose(in, topLevel)
                    : new YamlComposer(displayName, limits).compose(in, topLevel);
            return new Document(displayName, root);
        } catch (NoSuchFileException e) {
            throw new DocumentException(new Problem(displayName, 0, 0, "file not found"));
        } catch (CharacterCodingException e) {
            throw new DocumentException(new Problem(displayName, 0, 0, "not valid UTF-8 text"));
        } catch (IOException e) {
            throw new DocumentException(new Problem(displayName, 0, 0, "cannot read the file: " + reason(e)));
        }
    }

    /**
     * Refuses what is not a readable regular file before opening it: opening a FIFO would block until something
     * writes to it, and a directory or a symbolic link loop would only fail with a Java exception's wording.
     */
    private static void checkFile(Path path, String displayName) throws DocumentException {
        String why;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                why = "a directory, not a file";
            } else if (!attributes.isRegularFile()) {
                why = "not a regular file (a FIFO, socket or device); give the path of a YAML or JSON file";
            } else if (!Files.isReadable(path)) {
                why = "cannot read the file: permission denied";
            } else {
                return;
            }
        } catch (NoSuchFileException e) {
            why = "file not found";
        } catch (IOException e) {
            why = "cannot read the file: " + reason(e);
        }
        throw new DocumentException(new Problem(displayName, 0, 0, why));
    }

    /** What went wrong, in the operating system's words and without Java class names. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            String reason = fileSystem.getReason().toLowerCase(Locale.ROOT);
            return reason.contains("symbolic link") ? "a loop of symbolic links (or too many in a row)" : reason;
        }
        return e.getMessage() == null ? "an I/O error" : e.getMessage();
    }

    /**
     * Reads a file whose root is a map, entry by entry: {@code convert} turns each root entry into a value,
     * reporting to the checker it is given; {@code consume} receives the values in document order on the calling
     * thread, and the checkers' problems end up in {@code problems}. A large YAML file is parsed and converted
     * on several threads ({@link ChunkedYaml}); the document returned then has an empty root map.
     *
     * @throws DocumentException when the file is missing, unreadable, malformed or over a limit
     */
    public <T> Document readEntries(Path path, String displayName, List<Problem> problems,
                                    BiFunction<DocumentChecker, MapNode.Entry, T> convert, Consumer<T> consume)
            throws DocumentException {
        checkFile(path, displayName);
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads > 1 && !isJson(path)) {
            Optional<List<ChunkedYaml.Piece<T>>> pieces = readText(path)
                    .filter(text -> text.length() >= ChunkedYaml.MIN_LENGTH && text.length() <= limits.maxCodePoints())
                    .flatMap(text -> ChunkedYaml.read(text, displayName, limits, threads, convert));
            if (pieces.isPresent()) {
                for (ChunkedYaml.Piece<T> piece : pieces.get()) {
                    problems.addAll(piece.problems());
                    piece.values().forEach(consume);
                }
                return new Document(displayName, new MapNode(List.of(), 1, 1));
            }
        }
        DocumentChecker checker = new DocumentChecker(displayName, problems);
        return read(path, displayName, entry -> consume.accept(convert.apply(checker, entry)));
    }

    /** The file as text when it is large enough to be worth cutting up and valid UTF-8; else empty. */
    private static Optional<String> readText(Path path) {
        try {
            if (Files.size(path) < ChunkedYaml.MIN_LENGTH) {
                return Optional.empty();
            }
            String text = Files.readString(path);
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException e) {
            return Optional.empty(); // the one-piece read reports it
        }
    }

    /** Parses {@code path}, naming it as given. */
    public Document read(Path path) throws DocumentException {
        return read(path, path.toString());
    }

    static boolean isJson(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
