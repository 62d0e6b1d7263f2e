package io.genja.internal.document;

import io.genja.document.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Builds {@link Node}s from SnakeYAML's parser events. Working on events (not SnakeYAML's constructor) means no
 * object is ever constructed from a tag, nodes keep only line and column (not SnakeYAML's marks, which matters
 * for inventories of 100,000 hosts), aliases are counted and nesting is bounded.
 */
final class YamlComposer {

    private static final String CORE = "tag:yaml.org,2002:";
    private static final Set<String> SCALAR_TAGS = Set.of(CORE + "str", CORE + "int", CORE + "float",
            CORE + "bool", CORE + "null", "!");
    private static final Set<String> COLLECTION_TAGS = Set.of(CORE + "map", CORE + "seq", CORE + "omap", "!");

    private final String file;
    private final ReadLimits limits;
    private final Scalars scalars = new Scalars();
    private final Map<String, Node> anchors = new HashMap<>();
    private int collectionAliases;
    private Parser parser;

    /** Added to every line: a chunk of a larger file starts at this line. */
    private final int lineOffset;

    YamlComposer(String file, ReadLimits limits) {
        this(file, limits, 0);
    }

    YamlComposer(String file, ReadLimits limits, int lineOffset) {
        this.file = file;
        this.limits = limits;
        this.lineOffset = lineOffset;
    }

    /**
     * The document's root node. With a {@code topLevel} sink and a map at the root, the root's entries go to
     * the sink one by one as they are parsed (so a large file is never held as nodes) and the returned map is empty.
     */
    Node compose(InputStream in, Consumer<MapNode.Entry> topLevel) throws DocumentException, IOException {
        return compose(new UnicodeReader(in), topLevel);
    }

    /** As {@link #compose(InputStream, Consumer)}, from text. */
    Node compose(Reader in, Consumer<MapNode.Entry> topLevel) throws DocumentException, IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(limits.maxCodePoints());
        options.setMaxAliasesForCollections(limits.maxCollectionAliases());
        options.setAllowDuplicateKeys(true); // reported by the readers, with both lines
        LineLengthLimit bounded = new LineLengthLimit(in, limits.maxLineLength());
        try {
            parser = new ParserImpl(new StreamReader(bounded), options);
            expect(Event.ID.StreamStart);
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                return null;
            }
            expect(Event.ID.DocumentStart);
            Node root = parser.checkEvent(Event.ID.DocumentEnd) ? null : node(0, topLevel);
            expect(Event.ID.DocumentEnd);
            if (!parser.checkEvent(Event.ID.StreamEnd)) {
                Mark mark = parser.peekEvent().getStartMark();
                throw problem(mark, "a second YAML document (---) in one file; put everything in one document");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = "";
            if (e.getContext() != null) {
                Mark at = e.getContextMark();
                context = e.getContext() + (at != null && at != mark ? " (started at line " + (at.getLine() + 1 + lineOffset)
                        + ", column " + (at.getColumn() + 1) + ")" : "") + ": ";
            }
            throw problem(mark, "malformed YAML: " + context + e.getProblem());
        } catch (YAMLException e) {
            if (e.getCause() instanceof LineLengthLimit.Exceeded) {
                throw new DocumentException(new Problem(file, bounded.line() + lineOffset, 1, "a line longer than "
                        + limits.maxLineLength() + " characters; the file is refused to keep reading time bounded"));
            }
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw coding;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new DocumentException(new Problem(file, 0, 0, "malformed YAML: " + e.getMessage()));
        }
    }

    private Node node(int depth) throws DocumentException {
        return node(depth, null);
    }

    private Node node(int depth, Consumer<MapNode.Entry> sink) throws DocumentException {
        Event event = parser.getEvent();
        if (depth > limits.maxDepth()) {
            throw problem(event.getStartMark(), "nesting deeper than " + limits.maxDepth() + " levels");
        }
        int line = event.getStartMark().getLine() + 1 + lineOffset;
        int column = event.getStartMark().getColumn() + 1;
        if (event instanceof AliasEvent alias) {
            Node target = anchors.get(alias.getAnchor());
            if (target == null) {
                throw problem(event.getStartMark(), "unknown alias *" + alias.getAnchor());
            }
            if (!(target instanceof ScalarNode) && ++collectionAliases > limits.maxCollectionAliases()) {
                throw problem(event.getStartMark(), "more than " + limits.maxCollectionAliases()
                        + " aliases to collections; the file is refused to keep memory bounded");
            }
            return target;
        }
        Node node;
        if (event instanceof ScalarEvent scalar) {
            node = scalar(scalar, line, column);
        } else if (event.is(Event.ID.SequenceStart)) {
            checkTag((CollectionStartEvent) event);
            List<Node> items = new ArrayList<>();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                items.add(node(depth + 1));
            }
            parser.getEvent();
            node = new ListNode(items, line, column);
        } else if (event.is(Event.ID.MappingStart)) {
            checkTag((CollectionStartEvent) event);
            node = mapping(line, column, depth, sink);
        } else {
            throw problem(event.getStartMark(), "unexpected " + event.getEventId());
        }
        String anchor = ((NodeEvent) event).getAnchor();
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private MapNode mapping(int line, int column, int depth, Consumer<MapNode.Entry> sink) throws DocumentException {
        List<MapNode.Entry> entries = new ArrayList<>();
        Set<String> streamed = sink == null ? null : new HashSet<>();
        List<MapNode> merges = new ArrayList<>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event keyEvent = parser.peekEvent();
            Node key = node(depth + 1);
            Node value = node(depth + 1);
            if (!(key instanceof ScalarNode scalarKey)) {
                throw problem(keyEvent.getStartMark(), "a key must be a plain value, not " + key.describe());
            }
            if (keyEvent instanceof ScalarEvent se && se.isPlain() && "<<".equals(scalarKey.text())) {
                collectMerge(value, merges, keyEvent.getStartMark());
            } else if (sink != null) {
                streamed.add(scalarKey.asText());
                sink.accept(new MapNode.Entry(scalarKey, value));
            } else {
                entries.add(new MapNode.Entry(scalarKey, value));
            }
        }
        parser.getEvent();
        if (!merges.isEmpty()) {
            // YAML merge keys: explicit keys win, then the merged maps in the order listed.
            Set<String> present = streamed != null ? streamed : new HashSet<>();
            entries.forEach(entry -> present.add(entry.key().asText()));
            for (MapNode merged : merges) {
                for (MapNode.Entry entry : merged.entries()) {
                    if (present.add(entry.key().asText())) {
                        if (sink != null) {
                            sink.accept(entry);
                        } else {
                            entries.add(entry);
                        }
                    }
                }
            }
        }
        return new MapNode(entries, line, column);
    }

    private void collectMerge(Node value, List<MapNode> merges, Mark mark) throws DocumentException {
        if (value instanceof MapNode map) {
            merges.add(map);
            return;
        }
        if (value instanceof ListNode list) {
            for (Node item : list.items()) {
                if (!(item instanceof MapNode map)) {
                    throw problem(mark, "a merge key (<<) takes a map or a list of maps, not " + item.describe());
                }
                merges.add(map);
            }
            return;
        }
        throw problem(mark, "a merge key (<<) takes a map or a list of maps, not " + value.describe());
    }

    private ScalarNode scalar(ScalarEvent event, int line, int column) throws DocumentException {
        String text = event.getValue();
        String tag = event.getTag();
        if (tag != null && !SCALAR_TAGS.contains(tag)) {
            throw problem(event.getStartMark(), "the tag " + tag + " is not allowed: inventory and settings files "
                    + "hold plain data");
        }
        Object value;
        if (tag == null || "!".equals(tag)) {
            value = event.isPlain() && event.getImplicit().canOmitTagInPlainScalar()
                    ? scalars.resolvePlain(text) : scalars.share(text);
        } else {
            value = explicit(tag.substring(CORE.length()), text, event);
        }
        return new ScalarNode(value, value instanceof String s ? s : text, line, column);
    }

    private Object explicit(String type, String text, ScalarEvent event) throws DocumentException {
        switch (type) {
            case "str":
                return scalars.share(text);
            case "null":
                return null;
            case "bool":
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
                }
                break;
            default:
                Object number = Scalars.number(text);
                if (number != null && (type.equals("float") || !(number instanceof Double))) {
                    return type.equals("float") ? Double.valueOf(((Number) number).doubleValue()) : number;
                }
                break;
        }
        throw problem(event.getStartMark(), "\"" + text + "\" is not a valid !!" + type);
    }

    private void checkTag(CollectionStartEvent event) throws DocumentException {
        if (event.getTag() != null && !COLLECTION_TAGS.contains(event.getTag())) {
            throw problem(event.getStartMark(), "the tag " + event.getTag() + " is not allowed: inventory and "
                    + "settings files hold plain data");
        }
    }

    private void expect(Event.ID id) throws DocumentException {
        Event event = parser.getEvent();
        if (!event.is(id)) {
            throw problem(event.getStartMark(), "unexpected " + event.getEventId());
        }
    }

    private DocumentException problem(Mark mark, String message) {
        return new DocumentException(mark == null ? new Problem(file, 0, 0, message)
                : new Problem(file, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1, message));
    }
}
