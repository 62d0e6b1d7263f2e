package io.genja.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
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
            throw new DocumentException(new Problem(displayName, 0, 0, "cannot read the file: " + e));
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
