package io.genja.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fenced code blocks of a Markdown file, with the line each starts on. A block that is a file of a project
 * the page builds is preceded, on the line right above its opening fence, by {@code <!-- file: PATH -->}.
 */
final class MarkdownSnippets {

    private static final Pattern OPENING = Pattern.compile("^\\s*```java\\s*$");
    private static final Pattern ANY_OPENING = Pattern.compile("^\\s*```(\\w*).*$");
    private static final Pattern CLOSING = Pattern.compile("^\\s*```\\s*$");
    private static final Pattern FILE_MARKER = Pattern.compile("^<!-- file: (\\S+) -->$");

    /**
     * One block.
     *
     * @param file the Markdown file
     * @param firstLine the 1-based line of the block's first code line
     * @param code the code, without the fences
     */
    record Snippet(Path file, int firstLine, String code) {
    }

    /**
     * One block of any language.
     *
     * @param file the Markdown file
     * @param firstLine the 1-based line of the block's first code line
     * @param language the fence's language ({@code xml}, {@code bash}, ...), empty if none
     * @param path the project file the block is, from its {@code <!-- file: PATH -->} marker, else empty
     * @param code the code, without the fences, ending with a line break
     */
    record Block(Path file, int firstLine, String language, String path, String code) {
    }

    private MarkdownSnippets() {
    }

    static List<Block> blocks(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher opening = ANY_OPENING.matcher(lines.get(i));
            if (opening.matches()) {
                int end = closingLine(markdown, lines, i);
                Matcher marker = i > 0 ? FILE_MARKER.matcher(lines.get(i - 1)) : null;
                String path = marker != null && marker.matches() ? marker.group(1) : "";
                String code = lines.subList(i + 1, end).stream().map(line -> line + "\n").collect(Collectors.joining());
                blocks.add(new Block(markdown, i + 2, opening.group(1), path, code));
                i = end;
            } else if (FILE_MARKER.matcher(lines.get(i)).matches()
                    && (i + 1 == lines.size() || !ANY_OPENING.matcher(lines.get(i + 1)).matches())) {
                throw new IllegalStateException(markdown + ":" + (i + 1) + ": a file marker must be right above a ``` line");
            }
        }
        return blocks;
    }

    private static int closingLine(Path markdown, List<String> lines, int opening) {
        for (int end = opening + 1; end < lines.size(); end++) {
            if (CLOSING.matcher(lines.get(end)).matches()) {
                return end;
            }
        }
        throw new IllegalStateException(markdown + ":" + (opening + 1) + ": ``` block is never closed");
    }

    static List<Snippet> read(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (OPENING.matcher(lines.get(i)).matches()) {
                int start = i + 1;
                int end = start;
                while (end < lines.size() && !CLOSING.matcher(lines.get(end)).matches()) {
                    end++;
                }
                if (end == lines.size()) {
                    throw new IllegalStateException(markdown + ":" + (i + 1) + ": ```java block is never closed");
                }
                snippets.add(new Snippet(markdown, start + 1, String.join("\n", lines.subList(start, end))));
                i = end;
            }
        }
        return snippets;
    }

    /** Relative links to other Markdown files, as {@code [text](target.md)} or {@code (target.md#anchor)}. */
    static List<String> localLinks(Path markdown) throws IOException {
        Matcher matcher = Pattern.compile("\\]\\(([^)#:\\s]+\\.md)(?:#[^)]*)?\\)").matcher(Files.readString(markdown));
        List<String> links = new ArrayList<>();
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }
}
