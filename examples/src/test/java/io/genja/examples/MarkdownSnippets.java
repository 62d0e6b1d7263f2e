package io.genja.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code ```java} blocks of a Markdown file, with the line each starts on. */
final class MarkdownSnippets {

    private static final Pattern OPENING = Pattern.compile("^\\s*```java\\s*$");
    private static final Pattern CLOSING = Pattern.compile("^\\s*```\\s*$");

    /**
     * One block.
     *
     * @param file the Markdown file
     * @param firstLine the 1-based line of the block's first code line
     * @param code the code, without the fences
     */
    record Snippet(Path file, int firstLine, String code) {
    }

    private MarkdownSnippets() {
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
