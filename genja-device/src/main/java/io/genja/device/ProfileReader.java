package io.genja.device;

import io.genja.device.PlatformProfile.Enable;
import io.genja.device.PlatformProfile.Exchange;
import io.genja.device.PlatformProfile.Level;
import io.genja.device.PlatformProfile.Login;
import io.genja.device.PlatformProfile.Privilege;
import io.genja.device.PlatformProfile.Samples;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one platform profile from YAML. Every problem names the file, the line and the field, and says what would
 * be right: {@code acme.yaml:4: "prompt" is not a valid regular expression: ...}.
 */
final class ProfileReader {

    static final List<String> FIELDS = List.of("name", "aliases", "default_mode", "prompt", "paging_off",
            "more_pattern", "more_response", "error_patterns", "samples", "privilege", "config", "files", "login");
    private static final List<String> SAMPLE_FIELDS = List.of("prompt", "error", "more");
    private static final List<String> PRIVILEGE_FIELDS = List.of("login", "levels", "enable", "disable");
    private static final List<String> LEVEL_FIELDS = List.of("prompt", "sample");
    private static final List<String> ENABLE_FIELDS = List.of("command", "secret_prompt", "failure");
    private static final List<String> CONFIG_FIELDS = List.of("model", "enter", "exit", "diff", "check", "commit",
            "commit_confirmed", "confirm", "abort", "rollback", "checkpoint", "rollback_checkpoint", "save", "prompts",
            "show_running", "show_startup", "show_candidate", "rollback_loads_candidate");
    private static final List<String> LOGIN_FIELDS = List.of("username_prompt", "password_prompt", "failure",
            "username_sample", "password_sample", "failure_sample");
    private static final List<String> EXCHANGE_FIELDS = List.of("expect", "send");
    private static final List<String> FILES_FIELDS = List.of("transfer_paths", "default_directory", "checksum");
    private static final List<String> CHECKSUM_FIELDS = List.of("command", "pattern", "sample", "missing");
    /** Values put into the checksum samples when the loader checks them against the pattern. */
    private static final Map<String, String> CHECKSUM_SAMPLE_VALUES = Map.of("path", "flash:image.bin",
            "md5", "0123456789abcdef0123456789abcdef");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Set<String> CONFIG_PLACEHOLDERS = Set.of("session", "checkpoint", "minutes", "seconds", "hms");
    private static final Set<String> SAMPLE_PLACEHOLDERS = Set.of("host", "user", "caret", "command", "word");
    /** Values put into samples when the loader checks them against the profile's own patterns. */
    private static final Map<String, String> SAMPLE_VALUES = Map.of("host", "router1", "user", "admin",
            "caret", "    ^", "command", "show bogus", "word", "show");

    private final String source;

    private ProfileReader(String source) {
        this.source = source;
    }

    /**
     * Parses one profile.
     *
     * @param source where the text came from (a file or a class-path resource), used in every message
     * @throws IllegalArgumentException naming {@code source}, the line and what is wrong
     */
    static PlatformProfile read(String yaml, String source) {
        return new ProfileReader(source).read(yaml);
    }

    private PlatformProfile read(String yaml) {
        Node document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowDuplicateKeys(false);
            document = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new IllegalArgumentException("platform profile " + source + (mark != null ? ":" + (mark.getLine() + 1) : "")
                    + " is not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("platform profile " + source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof MappingNode root)) {
            throw new IllegalArgumentException("platform profile " + source + (document == null ? "" : at(document))
                    + " must be a YAML mapping with name, default_mode, prompt, ...");
        }
        Map<String, Node> map = fields(root, "", FIELDS);
        String name = string(map, "name", root, true);
        String modeName = string(map, "default_mode", root, false);
        Mode mode = modeName == null ? Mode.EXEC : Mode.parse(modeName).orElseThrow(() -> problem(map.get("default_mode"),
                "default_mode must be exec or shell, got \"" + modeName + "\""));
        Pattern prompt = pattern(map, "prompt", root, true, 0);
        Pattern more = map.containsKey("more_pattern") ? pattern(map, "more_pattern", root, true, 0)
                : Pattern.compile("--More--\\s*$");
        String moreResponse = map.containsKey("more_response") ? string(map, "more_response", root, true) : " ";
        List<Pattern> errors = new ArrayList<>();
        for (Node node : sequence(map.get("error_patterns"), "error_patterns")) {
            errors.add(compile(scalar(node, "error_patterns"), node, "error_patterns", Pattern.MULTILINE));
        }
        Samples samples = samples(map.get("samples"), prompt, more, errors);
        Privilege privilege = privilege(map.get("privilege"), prompt);
        ConfigModel config = config(map.get("config"));
        FileSystems files = files(map.get("files"));
        Login login = login(map.get("login"));
        return new PlatformProfile(name, strings(map.get("aliases"), "aliases"), mode, prompt,
                strings(map.get("paging_off"), "paging_off"), more, moreResponse, errors, samples, privilege, config,
                files, login, source);
    }

    /** The {@code login:} section; each field left out keeps {@link Login#DEFAULT}'s, each sample must match its pattern. */
    private Login login(Node node) {
        if (node == null) {
            return Login.DEFAULT;
        }
        Map<String, Node> map = fields(mapping(node, "login"), "login.", LOGIN_FIELDS);
        Login defaults = Login.DEFAULT;
        Pattern username = map.containsKey("username_prompt") ? pattern(map, "username_prompt", node, true, 0)
                : defaults.usernamePrompt();
        Pattern password = map.containsKey("password_prompt") ? pattern(map, "password_prompt", node, true, 0)
                : defaults.passwordPrompt();
        Pattern failure = map.containsKey("failure") ? pattern(map, "failure", node, true, Pattern.MULTILINE)
                : defaults.failure();
        String usernameSample = loginSample(map, "username_sample", username, defaults.usernameSample());
        String passwordSample = loginSample(map, "password_sample", password, defaults.passwordSample());
        String failureSample = loginSample(map, "failure_sample", failure, defaults.failureSample());
        return new Login(username, password, failure, usernameSample, passwordSample, failureSample);
    }

    private String loginSample(Map<String, Node> map, String field, Pattern pattern, String fallback) {
        String sample = map.containsKey(field) ? string(map, field, null, true) : fallback;
        if (!pattern.matcher(sample).find()) {
            throw problem(map.get(field), "login." + field + " \"" + sample + "\" does not match its pattern " + pattern
                    + "; a simulated device would ask a question the client never recognises");
        }
        return sample;
    }

    private Samples samples(Node node, Pattern prompt, Pattern more, List<Pattern> errors) {
        if (node == null) {
            return Samples.NONE;
        }
        Map<String, Node> map = fields(mapping(node, "samples"), "samples.", SAMPLE_FIELDS);
        String promptSample = sample(map, "prompt", node);
        if (promptSample != null && !prompt.matcher(filled(promptSample)).find()) {
            throw problem(map.get("prompt"), "samples.prompt \"" + promptSample + "\" does not match prompt " + prompt
                    + "; a simulated device would print a prompt the driver never recognises");
        }
        String error = sample(map, "error", node);
        if (error != null && !errors.isEmpty() && errors.stream().noneMatch(p -> p.matcher(filled(error)).find())) {
            throw problem(map.get("error"), "samples.error does not match any of error_patterns; a rejected command "
                    + "would not be reported as failed");
        }
        String moreSample = sample(map, "more", node);
        if (moreSample != null && !more.matcher(moreSample).find()) {
            throw problem(map.get("more"), "samples.more \"" + moreSample + "\" does not match more_pattern " + more);
        }
        return new Samples(promptSample, error, moreSample);
    }

    private Privilege privilege(Node node, Pattern prompt) {
        if (node == null) {
            return Privilege.NONE;
        }
        Map<String, Node> map = fields(mapping(node, "privilege"), "privilege.", PRIVILEGE_FIELDS);
        List<Level> levels = new ArrayList<>();
        if (map.containsKey("levels")) {
            Map<String, Node> byName = fields(mapping(map.get("levels"), "privilege.levels"), "privilege.levels.",
                    Privilege.LEVEL_NAMES);
            for (String levelName : Privilege.LEVEL_NAMES) {
                Node levelNode = byName.get(levelName);
                if (levelNode == null) {
                    continue;
                }
                String field = "privilege.levels." + levelName;
                Map<String, Node> level = fields(mapping(levelNode, field), field + ".", LEVEL_FIELDS);
                Pattern levelPrompt = pattern(level, "prompt", levelNode, true, 0);
                String sample = sample(level, "sample", levelNode);
                if (sample != null && !(prompt.matcher(filled(sample)).find()
                        && levelPrompt.matcher(filled(sample)).find())) {
                    throw problem(level.get("sample"), field + ".sample \"" + sample + "\" must match both prompt "
                            + prompt + " and " + field + ".prompt " + levelPrompt);
                }
                levels.add(new Level(levelName, levelPrompt, sample));
            }
        }
        String login = string(map, "login", node, false);
        if (login != null && levels.stream().noneMatch(l -> l.name().equals(login))) {
            throw problem(map.get("login"), "privilege.login must name one of the levels described ("
                    + levels.stream().map(Level::name).toList() + "), got \"" + login + "\"");
        }
        Enable enable = null;
        if (map.containsKey("enable")) {
            Map<String, Node> e = fields(mapping(map.get("enable"), "privilege.enable"), "privilege.enable.",
                    ENABLE_FIELDS);
            enable = new Enable(string(e, "command", map.get("enable"), true),
                    pattern(e, "secret_prompt", map.get("enable"), true, 0),
                    e.containsKey("failure") ? pattern(e, "failure", map.get("enable"), true, Pattern.MULTILINE) : null);
            if (levels.stream().noneMatch(l -> l.name().equals("user"))
                    || levels.stream().noneMatch(l -> l.name().equals("privileged"))) {
                throw problem(map.get("enable"), "privilege.enable goes from the user to the privileged level: "
                        + "describe both under privilege.levels");
            }
        }
        return new Privilege(login, levels, enable, string(map, "disable", node, false));
    }

    private ConfigModel config(Node node) {
        if (node == null) {
            return ConfigModel.NONE;
        }
        Map<String, Node> map = fields(mapping(node, "config"), "config.", CONFIG_FIELDS);
        String kindName = string(map, "model", node, true);
        ConfigModel.Kind kind = ConfigModel.Kind.parse(kindName).orElseThrow(() -> problem(map.get("model"),
                "config.model must be one of none, running, candidate, session, checkpoint; got \"" + kindName + "\""));
        for (String required : kind.required()) {
            if (!map.containsKey(required)) {
                throw problem(node, "config.model " + kind + " needs config." + required);
            }
        }
        if (kind == ConfigModel.Kind.SESSION && strings(map.get("enter"), "config.enter").stream()
                .noneMatch(c -> c.contains("{session}"))) {
            throw problem(map.get("enter"), "config.model session needs {session} in config.enter, e.g. "
                    + "\"configure session {session}\"");
        }
        List<Exchange> prompts = new ArrayList<>();
        for (Node exchange : sequence(map.get("prompts"), "config.prompts")) {
            Map<String, Node> e = fields(mapping(exchange, "config.prompts"), "config.prompts.", EXCHANGE_FIELDS);
            prompts.add(new Exchange(pattern(e, "expect", exchange, true, 0), string(e, "send", exchange, true)));
        }
        return new ConfigModel(kind, strings(map.get("enter"), "config.enter"), command(map, "exit"),
                command(map, "diff"), command(map, "check"), command(map, "commit"), command(map, "commit_confirmed"),
                command(map, "confirm"), command(map, "abort"), command(map, "rollback"), command(map, "checkpoint"),
                command(map, "rollback_checkpoint"), command(map, "save"), prompts, command(map, "show_running"),
                command(map, "show_startup"), command(map, "show_candidate"),
                flag(map, "rollback_loads_candidate"));
    }

    private FileSystems files(Node node) {
        if (node == null) {
            return FileSystems.NONE;
        }
        Map<String, Node> map = fields(mapping(node, "files"), "files.", FILES_FIELDS);
        Map<String, String> transferPaths = new LinkedHashMap<>();
        if (map.containsKey("transfer_paths")) {
            for (NodeTuple tuple : mapping(map.get("transfer_paths"), "files.transfer_paths").getValue()) {
                transferPaths.put(scalar(tuple.getKeyNode(), "files.transfer_paths"),
                        scalar(tuple.getValueNode(), "files.transfer_paths"));
            }
        }
        FileSystems.Checksum checksum = null;
        Node checksumNode = map.get("checksum");
        if (checksumNode != null) {
            Map<String, Node> c = fields(mapping(checksumNode, "files.checksum"), "files.checksum.", CHECKSUM_FIELDS);
            String command = string(c, "command", checksumNode, true);
            if (!command.contains("{path}")) {
                throw problem(c.get("command"), "files.checksum.command needs {path} where the file goes, e.g. "
                        + "\"verify /md5 {path}\"");
            }
            Pattern pattern = pattern(c, "pattern", checksumNode, true, Pattern.MULTILINE);
            if (pattern.matcher("").groupCount() < 1) {
                throw problem(c.get("pattern"), "files.checksum.pattern needs a group around the MD5, e.g. "
                        + "'= ([0-9a-f]{32})'");
            }
            String sample = string(c, "sample", checksumNode, false);
            String missing = string(c, "missing", checksumNode, false);
            FileSystems.Checksum candidate = new FileSystems.Checksum(command, pattern, sample, missing);
            if (sample != null && !candidate.md5(checksumSample(sample))
                    .equals(java.util.Optional.of(CHECKSUM_SAMPLE_VALUES.get("md5")))) {
                throw problem(c.get("sample"), "files.checksum.sample must show the MD5 that files.checksum.pattern "
                        + "finds (its first group); with {md5} = " + CHECKSUM_SAMPLE_VALUES.get("md5") + " it does not");
            }
            if (missing != null && candidate.md5(checksumSample(missing)).isPresent()) {
                throw problem(c.get("missing"), "files.checksum.missing must not match files.checksum.pattern: a "
                        + "missing file would look like one with a checksum");
            }
            checksum = candidate;
        }
        return new FileSystems(transferPaths, string(map, "default_directory", node, false), checksum);
    }

    private static String checksumSample(String sample) {
        return sample.replace("{path}", CHECKSUM_SAMPLE_VALUES.get("path"))
                .replace("{md5}", CHECKSUM_SAMPLE_VALUES.get("md5"));
    }

    /** A yes/no field: {@code true} or {@code false}, {@code false} when absent. */
    private boolean flag(Map<String, Node> map, String field) {
        String value = string(map, field, null, false);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw problem(map.get(field), "config." + field + " must be true or false; got \"" + value + "\"");
    }

    /** A configuration command; only the placeholders the configuration API fills in are allowed. */
    private String command(Map<String, Node> map, String field) {
        String value = string(map, field, null, false);
        if (value != null) {
            placeholders(value, map.get(field), "config." + field, CONFIG_PLACEHOLDERS);
        }
        return value;
    }

    private String sample(Map<String, Node> map, String field, Node parent) {
        String value = string(map, field, parent, false);
        if (value != null) {
            placeholders(value, map.get(field), field, SAMPLE_PLACEHOLDERS);
        }
        return value;
    }

    private void placeholders(String value, Node node, String field, Set<String> allowed) {
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw problem(node, field + " uses an unknown placeholder {" + m.group(1) + "}; known: "
                        + allowed.stream().sorted().map(p -> "{" + p + "}").toList());
            }
        }
    }

    private static String filled(String sample) {
        Matcher m = PLACEHOLDER.matcher(sample);
        return m.replaceAll(r -> Matcher.quoteReplacement(SAMPLE_VALUES.getOrDefault(r.group(1), r.group())));
    }

    /** The fields of a mapping by name; an unknown one is an error listing the known ones. */
    private Map<String, Node> fields(MappingNode node, String prefix, List<String> known) {
        Map<String, Node> map = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
            if (!known.contains(key)) {
                throw problem(tuple.getKeyNode(), "unknown field \"" + prefix + key + "\"; known fields: "
                        + String.join(", ", known));
            }
            map.put(key, tuple.getValueNode());
        }
        return map;
    }

    private MappingNode mapping(Node node, String field) {
        if (!(node instanceof MappingNode m)) {
            throw problem(node, "\"" + field + "\" must be a mapping");
        }
        return m;
    }

    private List<Node> sequence(Node node, String field) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode s)) {
            throw problem(node, "\"" + field + "\" must be a list of strings, got " + describe(node));
        }
        return s.getValue();
    }

    private List<String> strings(Node node, String field) {
        if (node instanceof ScalarNode) {
            return List.of(scalar(node, field)); // one command may be written without brackets
        }
        return sequence(node, field).stream().map(n -> scalar(n, field)).toList();
    }

    private String string(Map<String, Node> map, String field, Node parent, boolean required) {
        Node value = map.get(field);
        if (value == null || (value instanceof ScalarNode s && s.getTag().getValue().endsWith(":null"))) {
            if (required) {
                throw problem(parent, "missing required field \"" + field + "\"");
            }
            return null;
        }
        return scalar(value, field);
    }

    private String scalar(Node node, String field) {
        if (!(node instanceof ScalarNode s)) {
            throw problem(node, "\"" + field + "\" must be a string, got " + describe(node));
        }
        return s.getValue();
    }

    private Pattern pattern(Map<String, Node> map, String field, Node parent, boolean required, int flags) {
        String regex = string(map, field, parent, required);
        return regex == null ? null : compile(regex, map.get(field), field, flags);
    }

    private Pattern compile(String regex, Node node, String field, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw problem(node, "\"" + field + "\" is not a valid regular expression: " + e.getDescription()
                    + " in " + regex);
        }
    }

    private static String describe(Node node) {
        return node instanceof MappingNode ? "a mapping" : node instanceof SequenceNode ? "a list" : "a scalar";
    }

    private String at(Node node) {
        return node == null || node.getStartMark() == null ? "" : ":" + (node.getStartMark().getLine() + 1);
    }

    private IllegalArgumentException problem(Node node, String message) {
        return new IllegalArgumentException("platform profile " + source + at(node) + ": " + message);
    }
}
