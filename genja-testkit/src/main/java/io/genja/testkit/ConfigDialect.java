package io.genja.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a simulated platform's configuration looks and which lines it takes: the {@code config:} section of its
 * {@code META-INF/genja/simulated/<platform>.yaml} (fields in docs/testing.md). The commands that change the
 * configuration (enter, commit, abort, ...) are not here: they come from the platform profile, which is what
 * clients read too.
 *
 * <p>The grammar is deliberately simple: a line (without a leading {@code no}) is accepted when one of the
 * {@code accept} patterns matches all of it: {@code global} ones at the top of the configuration,
 * {@code section} ones inside a section such as {@code interface X}. A line a section does not accept but the top
 * level does leaves the section first, as IOS does.
 */
final class ConfigDialect {

    /** How the configuration is written. */
    enum Syntax {
        /** Cisco-like: a statement's children are indented under it. */
        INDENTED,
        /** Junos: {@code name { child; }}, changed with {@code set}/{@code delete} paths. */
        BRACED
    }

    private static final List<String> FIELDS = List.of("syntax", "indent", "running_header", "startup_header",
            "sections", "replaces", "accept", "value_keywords", "texts", "save", "reload", "enter_running",
            "privileged_commands", "show_in_config", "enter_candidate", "enter_private", "show_candidate");

    /** A command that copies the running configuration to the startup configuration, perhaps asking first. */
    record Save(CommandTemplate command, String question, String output) {
    }

    /** The reload command and its questions. */
    record Reload(CommandTemplate command, String saveQuestion, String question) {
    }

    private final Syntax syntax;
    private final int indent;
    private final String runningHeader;
    private final String startupHeader;
    private final Map<String, String> sections;
    private final List<String> replaces;
    private final List<Pattern> acceptGlobal;
    private final List<Pattern> acceptSection;
    private final List<String> valueKeywords;
    private final Map<String, String> texts;
    private final List<Save> saves;
    private final Reload reload;
    private final List<CommandTemplate> enterRunning;
    private final List<String> privilegedCommands;
    private final boolean showInConfig;
    private final List<CommandTemplate> enterCandidate;
    private final List<CommandTemplate> enterPrivate;
    private final List<CommandTemplate> showCandidate;

    private ConfigDialect(Map<?, ?> map, String source) {
        Fields f = new Fields(map, source + ": config");
        f.known(FIELDS);
        this.syntax = Syntax.valueOf(f.string("syntax", "indented").toUpperCase(Locale.ROOT));
        this.indent = f.integer("indent", 1);
        this.runningHeader = f.string("running_header", "");
        this.startupHeader = f.string("startup_header", "");
        this.sections = f.strings("sections");
        this.replaces = f.list("replaces");
        Fields accept = f.fields("accept");
        accept.known(List.of("global", "section"));
        this.acceptGlobal = patterns(accept.list("global"), source + ": config.accept.global");
        this.acceptSection = patterns(accept.list("section"), source + ": config.accept.section");
        this.valueKeywords = f.list("value_keywords");
        this.texts = f.strings("texts");
        this.saves = new ArrayList<>();
        for (Fields save : f.fieldsList("save")) {
            save.known(List.of("command", "question", "output"));
            saves.add(new Save(CommandTemplate.of(save.string("command", null)), save.string("question", null),
                    save.string("output", "")));
        }
        Fields reloadFields = f.fields("reload");
        reloadFields.known(List.of("command", "save_question", "question"));
        String reloadCommand = reloadFields.string("command", null);
        this.reload = reloadCommand == null ? null : new Reload(CommandTemplate.of(reloadCommand),
                reloadFields.string("save_question", null), reloadFields.string("question", null));
        this.enterRunning = f.list("enter_running").stream().map(CommandTemplate::of).toList();
        this.privilegedCommands = f.list("privileged_commands").stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        this.showInConfig = Boolean.parseBoolean(f.string("show_in_config", "false"));
        this.enterCandidate = f.list("enter_candidate").stream().map(CommandTemplate::of).toList();
        this.enterPrivate = f.list("enter_private").stream().map(CommandTemplate::of).toList();
        this.showCandidate = f.list("show_candidate").stream().map(CommandTemplate::of).toList();
    }

    /** The dialect in a platform's outputs file, or {@code null} when it has no {@code config:} section. */
    static ConfigDialect of(Object config, String source) {
        if (config == null) {
            return null;
        }
        if (!(config instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": \"config\" must be a mapping, got " + config);
        }
        return new ConfigDialect(map, source);
    }

    Syntax syntax() {
        return syntax;
    }

    /** Spaces per level for statements inserted into the indented form. */
    int indent() {
        return indent;
    }

    /** What {@code show running-config} prints before the configuration; {@code {size}} is its length. */
    String runningHeader() {
        return runningHeader;
    }

    /** What {@code show startup-config} prints before the configuration. */
    String startupHeader() {
        return startupHeader;
    }

    /** The sub-mode a statement opens, e.g. {@code if} for {@code interface Gi1/0/1}; empty for a plain one. */
    Optional<String> sectionOf(String statement) {
        String lower = statement.toLowerCase(Locale.ROOT);
        String best = null;
        for (String start : sections.keySet()) {
            if ((lower.equals(start) || lower.startsWith(start + " ")) && (best == null || start.length() > best.length())) {
                best = start;
            }
        }
        return Optional.ofNullable(best).map(sections::get);
    }

    /** Whether {@code statement} takes the place of {@code existing}: both set the same single value. */
    boolean replaces(String statement, String existing) {
        String a = statement.toLowerCase(Locale.ROOT);
        String b = existing.toLowerCase(Locale.ROOT);
        return replaces.stream().anyMatch(r -> (a.equals(r) || a.startsWith(r + " "))
                && (b.equals(r) || b.startsWith(r + " ")));
    }

    boolean acceptsGlobal(String statement) {
        return acceptGlobal.stream().anyMatch(p -> p.matcher(statement).matches());
    }

    boolean acceptsInSection(String statement) {
        return acceptSection.stream().anyMatch(p -> p.matcher(statement).matches());
    }

    /** Junos keywords that take the next word as their value, e.g. {@code unit} in {@code unit 0}. */
    List<String> valueKeywords() {
        return valueKeywords;
    }

    /** A text the device prints (see {@code texts} in docs/testing.md), with {@code {name}} values filled in. */
    String text(String key, Map<String, String> values) {
        String text = texts.getOrDefault(key, "");
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    String text(String key) {
        return text(key, Map.of());
    }

    boolean hasText(String key) {
        return texts.containsKey(key);
    }

    /**
     * Whether {@code command} enters configuration mode editing the running configuration directly, besides the
     * profile's {@code enter} (EOS's {@code configure terminal} next to its sessions, IOS's {@code conf t}).
     */
    boolean entersRunning(String command) {
        return enterRunning.stream().anyMatch(t -> t.matches(command));
    }

    /**
     * Whether {@code command} enters configuration mode with a candidate, besides the profile's {@code enter}
     * (Junos's {@code configure}, {@code configure exclusive}).
     */
    boolean entersCandidate(String command) {
        return enterCandidate.stream().anyMatch(t -> t.matches(command));
    }

    /**
     * Whether {@code command} enters configuration mode with a private candidate, which refuses a commit-confirmed
     * (Junos's {@code configure private}: {@code texts.private_commit_confirmed}).
     */
    boolean entersPrivate(String command) {
        return enterPrivate.stream().anyMatch(t -> t.matches(command));
    }

    /** Whether {@code command} shows the whole candidate (IOS-XR's {@code show configuration merge}). */
    boolean showsCandidate(String command) {
        return showCandidate.stream().anyMatch(t -> t.matches(command));
    }

    /** Whether {@code command} needs the privileged level ({@code show running-config}, {@code configure}, ...). */
    boolean privilegedOnly(String command) {
        String lower = command.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return privilegedCommands.stream().anyMatch(c -> lower.equals(c) || lower.startsWith(c + " "));
    }

    /** Whether {@code show} commands work in configuration mode (not on IOS, which needs {@code do show}). */
    boolean showInConfig() {
        return showInConfig;
    }

    List<Save> saves() {
        return saves;
    }

    /** The reload command, or {@code null} when the platform's outputs do not describe one. */
    Reload reload() {
        return reload;
    }

    private static List<Pattern> patterns(List<String> regexes, String where) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes) {
            try {
                patterns.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": \"" + regex + "\" is not a regular expression: "
                        + e.getDescription());
            }
        }
        return patterns;
    }

    /** Typed access to one YAML mapping, with errors naming the file and field. */
    private record Fields(Map<?, ?> map, String where) {

        void known(List<String> names) {
            for (Object key : map.keySet()) {
                if (!names.contains(String.valueOf(key))) {
                    throw new IllegalArgumentException(where + ": unknown field \"" + key + "\"; known fields: "
                            + String.join(", ", names));
                }
            }
        }

        String string(String name, String fallback) {
            Object value = map.get(name);
            return value == null ? fallback : String.valueOf(value);
        }

        int integer(String name, int fallback) {
            Object value = map.get(name);
            if (value != null && !(value instanceof Integer)) {
                throw new IllegalArgumentException(where + "." + name + " must be a number, got " + value);
            }
            return value == null ? fallback : (Integer) value;
        }

        List<String> list(String name) {
            Object value = map.get(name);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException(where + "." + name + " must be a list, got " + value);
            }
            return list.stream().map(String::valueOf).toList();
        }

        Map<String, String> strings(String name) {
            Map<String, String> strings = new LinkedHashMap<>();
            fields(name).map().forEach((k, v) -> strings.put(String.valueOf(k), String.valueOf(v)));
            return strings;
        }

        Fields fields(String name) {
            Object value = map.get(name);
            if (value == null) {
                return new Fields(Map.of(), where + "." + name);
            }
            if (!(value instanceof Map<?, ?> inner)) {
                throw new IllegalArgumentException(where + "." + name + " must be a mapping, got " + value);
            }
            return new Fields(inner, where + "." + name);
        }

        List<Fields> fieldsList(String name) {
            Object value = map.get(name);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
                throw new IllegalArgumentException(where + "." + name + " must be a list of mappings, got " + value);
            }
            List<Fields> all = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                all.add(new Fields((Map<?, ?>) list.get(i), where + "." + name + "[" + i + "]"));
            }
            return all;
        }
    }
}
