package io.genja.tasks.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.loader.FileLocator;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Jinja2 template file with Jinjava, configured like nornir_jinja2's default environment so that its
 * templates render unchanged: unknown variables are errors (Jinja2's {@code StrictUndefined}), {@code trim_blocks}
 * on (the newline after a block or comment tag is dropped), {@code lstrip_blocks} off. {@code {% include %}} and
 * {@code {% import %}} names resolve against the template's directory. Thread-safe: one renderer serves every host.
 */
public final class TemplateRenderer {

    /** One Jinjava per template directory, shared by every template and host there; Jinjava renders concurrently. */
    private static final Map<Path, Jinjava> BY_DIRECTORY = new ConcurrentHashMap<>();

    /** A block or comment tag's end followed by a newline, which {@code trim_blocks} drops. */
    private static final Pattern TAG_END_NEWLINE = Pattern.compile("([%#]})(\\r?\\n)");
    /** A {@code {% raw %}} section, whose text is left exactly as written. */
    private static final Pattern RAW = Pattern.compile("\\{%-?\\s*raw\\s*-?%}.*?\\{%-?\\s*endraw\\s*-?%}",
            Pattern.DOTALL);

    private final String displayName;
    private final String template;
    private final Jinjava jinjava;

    private TemplateRenderer(String displayName, String template, Jinjava jinjava) {
        this.displayName = displayName;
        this.template = trimBlocks(template);
        this.jinjava = jinjava;
    }

    /**
     * The renderer of the template file {@code file}, read now.
     *
     * @throws TemplateException when the file cannot be read
     */
    public static TemplateRenderer of(Path file) throws TemplateException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException(file.toString(), 0, "cannot read the template: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
        Path directory = file.toAbsolutePath().normalize().getParent();
        return new TemplateRenderer(file.toString(), text, BY_DIRECTORY.computeIfAbsent(directory,
                TemplateRenderer::jinjava));
    }

    /** A renderer of {@code template} given as text; {@code displayName} names it in errors. */
    public static TemplateRenderer ofText(String displayName, String template) {
        return new TemplateRenderer(displayName, template, BY_DIRECTORY.computeIfAbsent(Path.of("").toAbsolutePath(),
                TemplateRenderer::jinjava));
    }

    /**
     * The template rendered with {@code variables}.
     *
     * @throws TemplateException naming the template file and line of the first error (an unknown variable, a
     *     syntax error, an unknown filter, a failing include); further errors are listed in the message
     */
    public String render(Map<String, ?> variables) throws TemplateException {
        RenderResult result;
        try {
            result = jinjava.renderForResult(template, variables);
        } catch (RuntimeException e) {
            throw new TemplateException(displayName, 0, "cannot render the template: " + e.getMessage(), e);
        }
        List<TemplateError> fatal = new ArrayList<>();
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                fatal.add(error);
            }
        }
        if (!fatal.isEmpty()) {
            TemplateError first = fatal.get(0);
            StringBuilder problem = new StringBuilder(describe(first));
            for (TemplateError more : fatal.subList(1, fatal.size())) {
                problem.append("; line ").append(more.getLineno()).append(": ").append(describe(more));
            }
            throw new TemplateException(displayName, Math.max(first.getLineno(), 0), problem.toString(),
                    first.getException());
        }
        return result.getOutput();
    }

    /** The rendered template as configuration lines: blank lines and trailing spaces dropped, indentation kept. */
    public List<String> renderLines(Map<String, ?> variables) throws TemplateException {
        return render(variables).lines().map(String::stripTrailing).filter(line -> !line.isBlank()).toList();
    }

    /**
     * {@code trim_blocks} done here rather than by Jinjava, whose own option miscounts lines (every trimmed newline
     * is lost from the line numbers of later errors): the newline after a tag moves into a Jinja comment, which
     * renders as nothing while the line count stays right. Raw sections are left alone.
     */
    static String trimBlocks(String template) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        Matcher raw = RAW.matcher(template);
        int from = 0;
        while (raw.find()) {
            out.append(moveTagNewlinesIntoComments(template.substring(from, raw.start()))).append(raw.group());
            from = raw.end();
        }
        return out.append(moveTagNewlinesIntoComments(template.substring(from))).toString();
    }

    private static String moveTagNewlinesIntoComments(String text) {
        return TAG_END_NEWLINE.matcher(text).replaceAll("$1{#$2#}");
    }

    private static String describe(TemplateError error) {
        return error.getMessage() == null ? String.valueOf(error.getReason()) : error.getMessage();
    }

    private static Jinjava jinjava(Path directory) {
        Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withTrimBlocks(false) // done by trimBlocks(String), see there
                .withLstripBlocks(false)
                .build());
        try {
            jinjava.setResourceLocator(new FileLocator(directory.toFile()));
        } catch (FileNotFoundException e) {
            // the directory of a file just read exists; a missing one only means includes cannot resolve
        }
        return jinjava;
    }
}
