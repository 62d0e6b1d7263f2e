package io.genja.internal.document;

import io.genja.document.Problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds {@link Node}s from Jackson's streaming parser, which knows the line and column of every token. */
final class JsonComposer {

    private final String file;
    private final ReadLimits limits;
    private final Scalars scalars = new Scalars();
    private JsonParser parser;

    JsonComposer(String file, ReadLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    /** As {@link YamlComposer#compose}: root entries of a map go to {@code topLevel} when it is given. */
    Node compose(InputStream in, Consumer<MapNode.Entry> topLevel) throws DocumentException, IOException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxDocumentLength(limits.maxCodePoints())
                        .build())
                .build();
        try (JsonParser p = factory.createParser(in)) {
            parser = p;
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            Node root = node(token, topLevel);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw problem(parser.currentTokenLocation(), "unexpected content after the JSON value");
            }
            return root;
        } catch (StreamConstraintsException e) {
            // Jackson's wording names its own classes; say which limit in the reader's words
            throw problem(e.getLocation(), String.valueOf(e.getOriginalMessage()).contains("nesting")
                    ? "nesting deeper than " + limits.maxDepth() + " levels"
                    : "longer than " + limits.maxCodePoints() + " characters; the file is refused to keep memory bounded");
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            throw problem(e.getLocation(), "malformed JSON: " + message);
        }
    }

    private Node node(JsonToken token) throws IOException, DocumentException {
        return node(token, null);
    }

    private Node node(JsonToken token, Consumer<MapNode.Entry> sink) throws IOException, DocumentException {
        JsonLocation location = parser.currentTokenLocation();
        int line = location.getLineNr();
        int column = location.getColumnNr();
        switch (token) {
            case START_OBJECT: {
                List<MapNode.Entry> entries = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    JsonLocation keyLocation = parser.currentTokenLocation();
                    String name = scalars.share(parser.currentName());
                    ScalarNode key = new ScalarNode(name, name, keyLocation.getLineNr(), keyLocation.getColumnNr());
                    MapNode.Entry entry = new MapNode.Entry(key, node(parser.nextToken()));
                    if (sink != null) {
                        sink.accept(entry);
                    } else {
                        entries.add(entry);
                    }
                }
                return new MapNode(entries, line, column);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(node(t));
                }
                return new ListNode(items, line, column);
            }
            case VALUE_STRING: {
                String text = scalars.share(parser.getText());
                return new ScalarNode(text, text, line, column);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(token == JsonToken.VALUE_NUMBER_FLOAT ? (Object) parser.getDoubleValue()
                        : narrow(parser.getNumberValue()), parser.getText(), line, column);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ScalarNode(token == JsonToken.VALUE_TRUE, parser.getText(), line, column);
            case VALUE_NULL:
                return new ScalarNode(null, "null", line, column);
            default:
                throw problem(location, "unexpected " + token);
        }
    }

    private static Object narrow(Number number) {
        return number instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? l.intValue() : number;
    }

    private DocumentException problem(JsonLocation location, String message) {
        return new DocumentException(location == null ? new Problem(file, 0, 0, message)
                : new Problem(file, location.getLineNr(), location.getColumnNr(), message));
    }
}
