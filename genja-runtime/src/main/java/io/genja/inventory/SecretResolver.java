package io.genja.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves secret references in connection parameters when a connection opens, so that secrets live in the
 * environment or in files rather than in the inventory: {@code ${env:NAME}} is the environment variable
 * {@code NAME}, {@code ${file:path}} the content of a file (one trailing line break removed). References may
 * stand alone or inside a longer value; {@code $${...}} is a literal {@code ${...}}. They are resolved in the
 * password and in every string of {@code extras}; any other scheme ({@code ${vault:...}}) is refused rather than
 * sent as a literal password.
 *
 * <p>{@code ${file:...}} reads only inside the <em>secrets directory</em> (the inventory's directory unless
 * configured): a relative path is relative to it, a path that leaves it through {@code ..} or through a symbolic
 * link is refused, and so is an absolute path unless {@link #allowingAbsolutePaths(boolean) allowed}. Otherwise
 * anyone who can edit an inventory could send any file the runner can read as a password to a host of their choice.
 *
 * <p>Nothing this class says shows a secret: error messages name the reference, never a value, and
 * {@link #redact(String, ConnectionKey)} replaces in a connection's messages the values its references resolved to
 * by the references.
 * {@link #isSecretKey(String)} is the one rule for which named values are masked wherever values are shown.
 */
public final class SecretResolver {

    /** The {@code inventory.options} key of the file plugin that allows absolute {@code ${file:...}} paths. */
    public static final String ABSOLUTE_PATHS_OPTION = "allow_absolute_secret_files";
    /** The {@code inventory.options} key of the file plugin that sets the secrets directory. */
    public static final String DIRECTORY_OPTION = "secrets_directory";

    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "passphrase", "secret", "token",
            "community", "credential");
    /** Any reference: {@code ${scheme:name}}, escaped when it starts with {@code $$}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$?\\$\\{([^}:]*)(?::([^}]*))?}");
    private static final List<String> SCHEMES = List.of("env", "file");
    private static final String MASK = "********";
    /** Shorter resolved values are not redacted in messages: they would garble them, and hide nothing. */
    private static final int MIN_REDACTED_LENGTH = 4;
    /** A secret file larger than this is not a secret (and could be a device that never ends). */
    private static final long MAX_FILE_SIZE = 64 * 1024;

    private final Function<String, String> environment;
    private final Path baseDirectory;
    private final boolean absolutePathsAllowed;
    /**
     * Per connection, each value a reference resolved to and the reference: what {@link #redact} hides. Shared by
     * copies, so that a resolver derived from another hides what either resolved.
     */
    private final Map<ConnectionKey, Map<String, String>> resolvedValues;

    /**
     * @param environment looks up environment variables ({@code System::getenv}, or a map's {@code get} in tests)
     * @param baseDirectory the secrets directory: where relative {@code ${file:..}} paths start and must stay
     */
    public SecretResolver(Function<String, String> environment, Path baseDirectory) {
        this(environment, baseDirectory, false, new ConcurrentHashMap<>());
    }

    private SecretResolver(Function<String, String> environment, Path baseDirectory, boolean absolutePathsAllowed,
                           Map<ConnectionKey, Map<String, String>> resolvedValues) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
        this.absolutePathsAllowed = absolutePathsAllowed;
        this.resolvedValues = resolvedValues;
    }

    /** The process environment; relative files from the working directory. */
    public static SecretResolver system() {
        return new SecretResolver(System::getenv, Path.of(""));
    }

    /** The same secrets directory, environment variables from {@code environment}. */
    public SecretResolver withEnvironment(Function<String, String> environment) {
        return new SecretResolver(environment, baseDirectory, absolutePathsAllowed, resolvedValues);
    }

    /** The same environment, {@code directory} as the secrets directory. */
    public SecretResolver withBaseDirectory(Path directory) {
        return new SecretResolver(environment, directory, absolutePathsAllowed, resolvedValues);
    }

    /** The same, with {@code ${file:/absolute/path}} allowed ({@code true}) or refused (the default). */
    public SecretResolver allowingAbsolutePaths(boolean allowed) {
        return new SecretResolver(environment, baseDirectory, allowed, resolvedValues);
    }

    /** Whether {@code value} holds at least one reference. */
    public static boolean hasReference(String value) {
        return value != null && value.contains("${");
    }

    /**
     * A syntax error in the references of {@code value}, if any: a reference that names nothing
     * ({@code ${env:}}) or has no known scheme ({@code ${vault:db}}, {@code ${PASSWORD}}).
     */
    public static Optional<String> checkSyntax(String value) {
        if (!hasReference(value)) {
            return Optional.empty();
        }
        Matcher matcher = REFERENCE.matcher(value);
        while (matcher.find()) {
            if (!matcher.group().startsWith("$$")) {
                Optional<String> problem = syntaxProblem(matcher);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> syntaxProblem(Matcher matcher) {
        String scheme = matcher.group(1);
        if (!SCHEMES.contains(scheme)) {
            return Optional.of("the secret reference " + matcher.group() + " has "
                    + (matcher.group(2) == null ? "no scheme" : "the unknown scheme \"" + scheme + "\"")
                    + "; known: ${env:NAME}, ${file:path} (write $${...} for a literal ${...})");
        }
        if (matcher.group(2) == null || matcher.group(2).isBlank()) {
            return Optional.of("the secret reference " + matcher.group() + " names no "
                    + (scheme.equals("env") ? "environment variable" : "file"));
        }
        return Optional.empty();
    }

    /**
     * {@code params} with every reference in the password and extras replaced by its value.
     *
     * @throws SecretException when a reference cannot be resolved or is refused;
     *     the message names the host, the field and the reference, never a value
     */
    public ResolvedConnectionParams resolve(ConnectionKey key, ResolvedConnectionParams params)
            throws SecretException {
        Map<String, String> resolvedHere = new HashMap<>();
        String password = params.password();
        if (hasReference(password)) {
            password = resolve(password, key, "password", resolvedHere);
        }
        Map<String, Object> extras = params.extras();
        boolean changed = false;
        Map<String, Object> resolvedExtras = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : extras.entrySet()) {
            Object value = resolveValue(entry.getValue(), key, "extras." + entry.getKey(), resolvedHere);
            changed |= value != entry.getValue();
            resolvedExtras.put(entry.getKey(), value);
        }
        if (resolvedHere.isEmpty()) {
            resolvedValues.remove(key);
        } else {
            resolvedValues.put(key, Map.copyOf(resolvedHere));
        }
        if (password == params.password() && !changed) {
            return params;
        }
        return new ResolvedConnectionParams(params.hostname(), params.port(), params.username(), password,
                params.platform(), changed ? resolvedExtras : extras);
    }

    /**
     * Why the references in the password and extras of {@code params} cannot be resolved now, one message per
     * field that fails (as a run would report it, without the host): for {@code genja check}, before any connection.
     * References {@link #refusals refused} wherever the run happens are left to {@code refusals}.
     */
    public List<String> problems(ResolvedConnectionParams params) {
        List<String> problems = new ArrayList<>();
        forEachField(params, (value, field) -> {
            if (refusal(value, field, null).isEmpty()) {
                try {
                    resolveValue(value, null, field, new HashMap<>());
                } catch (SecretException e) {
                    problems.add(e.getMessage());
                }
            }
        });
        return problems;
    }

    /**
     * The references in the password and extras of {@code params} that are refused wherever the run happens, one
     * message per field: a {@code ${file:...}} outside the secrets directory, an unknown scheme.
     */
    public List<String> refusals(ResolvedConnectionParams params) {
        List<String> refusals = new ArrayList<>();
        forEachField(params, (value, field) -> refusal(value, field, null).ifPresent(refusals::add));
        return refusals;
    }

    private static void forEachField(ResolvedConnectionParams params, BiConsumer<Object, String> action) {
        action.accept(params.password(), "password");
        params.extras().forEach((name, value) -> action.accept(value, "extras." + name));
    }

    /** The first refused reference in {@code value} (a string, or strings nested in maps and lists). */
    private Optional<String> refusal(Object value, String field, ConnectionKey key) {
        if (value instanceof String text && hasReference(text)) {
            Matcher matcher = REFERENCE.matcher(text);
            while (matcher.find()) {
                if (!matcher.group().startsWith("$$")) {
                    Optional<String> why = syntaxProblem(matcher)
                            .or(() -> "file".equals(matcher.group(1)) ? confinement(matcher.group(2)) : Optional.empty());
                    if (why.isPresent()) {
                        return Optional.of(failure(key, field, matcher.group(), why.get()).getMessage());
                    }
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Optional<String> why = refusal(entry.getValue(), field + "." + entry.getKey(), key);
                if (why.isPresent()) {
                    return why;
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Optional<String> why = refusal(list.get(i), field + "[" + i + "]", key);
                if (why.isPresent()) {
                    return why;
                }
            }
        }
        return Optional.empty();
    }

    /** Why {@code ${file:name}} may not be read: it leaves the secrets directory. */
    private Optional<String> confinement(String name) {
        Path given;
        try {
            given = Path.of(name);
        } catch (InvalidPathException e) {
            return Optional.of("not a valid path");
        }
        if (given.isAbsolute()) {
            return absolutePathsAllowed ? Optional.empty() : Optional.of("absolute paths are refused; put the file in "
                    + "the secrets directory " + directory() + " and name it relative to it, or allow absolute paths "
                    + "with inventory.options." + ABSOLUTE_PATHS_OPTION + ": true");
        }
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path path = base.resolve(given).normalize();
        if (!path.startsWith(base)) {
            return Optional.of("the path leaves the secrets directory " + directory() + " (through ..); secret files "
                    + "must be inside it");
        }
        try {
            if (Files.exists(path) && !path.toRealPath().startsWith(base.toRealPath())) {
                return Optional.of("a symbolic link leads out of the secrets directory " + directory()
                        + "; secret files must be inside it");
            }
        } catch (IOException e) {
            return Optional.empty(); // reading it reports why
        }
        return Optional.empty();
    }

    private String directory() {
        return baseDirectory.toString().isEmpty() ? "(the working directory)" : baseDirectory.toString();
    }

    private Object resolveValue(Object value, ConnectionKey key, String field, Map<String, String> resolvedHere)
            throws SecretException {
        if (value instanceof String text) {
            return hasReference(text) ? resolve(text, key, field, resolvedHere) : text;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object resolved = resolveValue(entry.getValue(), key, field + "." + entry.getKey(), resolvedHere);
                changed |= resolved != entry.getValue();
                copy.put(entry.getKey(), resolved);
            }
            return changed ? Collections.unmodifiableMap(copy) : value;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < list.size(); i++) {
                Object resolved = resolveValue(list.get(i), key, field + "[" + i + "]", resolvedHere);
                changed |= resolved != list.get(i);
                copy.add(resolved);
            }
            return changed ? Collections.unmodifiableList(copy) : value;
        }
        return value;
    }

    /** {@code value} with its references resolved; each resolved value and its reference go to {@code resolvedHere}. */
    private String resolve(String value, ConnectionKey key, String field, Map<String, String> resolvedHere)
            throws SecretException {
        Optional<String> refused = refusal(value, field, key);
        if (refused.isPresent()) {
            throw new SecretException(refused.get());
        }
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group().startsWith("$$")) {
                replacement = matcher.group().substring(1);
            } else {
                if (matcher.group(1).equals("env")) {
                    replacement = environment.apply(matcher.group(2));
                    if (replacement == null) {
                        throw failure(key, field, matcher.group(), "the environment variable " + matcher.group(2)
                                + " is not set");
                    }
                } else {
                    replacement = readFile(matcher.group(2), key, field, matcher.group());
                }
                remember(resolvedHere, replacement, matcher.group());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        if (!out.toString().equals(value)) {
            remember(resolvedHere, out.toString(), value);
        }
        return out.toString();
    }

    private static void remember(Map<String, String> resolvedHere, String resolved, String reference) {
        if (resolved.length() >= MIN_REDACTED_LENGTH) {
            resolvedHere.putIfAbsent(resolved, reference);
        }
    }

    /**
     * {@code text} with every value the references of {@code key}'s connection last resolved to (by this resolver,
     * or one it was derived from or derived from it) replaced by the reference: for messages that may quote a
     * resolved value, such as a plugin's "got ..." when a resolved extra is not valid. Longer values first, so that
     * a value inside another never leaves part of it.
     */
    public String redact(String text, ConnectionKey key) {
        Map<String, String> resolved = resolvedValues.get(key);
        if (text == null || resolved == null) {
            return text;
        }
        List<Map.Entry<String, String>> values = new ArrayList<>(resolved.entrySet());
        values.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        String redacted = text;
        for (Map.Entry<String, String> value : values) {
            redacted = redacted.replace(value.getKey(), value.getValue());
        }
        return redacted;
    }

    private String readFile(String name, ConnectionKey key, String field, String reference)
            throws SecretException {
        Path path = baseDirectory.resolve(name);
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw failure(key, field, reference, "the file " + path + " is not a regular file");
            }
            if (attributes.size() > MAX_FILE_SIZE) {
                throw failure(key, field, reference, "the file " + path + " is larger than " + MAX_FILE_SIZE
                        + " bytes; a secret file holds one secret");
            }
            String content = Files.readString(path, StandardCharsets.UTF_8);
            if (content.endsWith("\r\n")) {
                return content.substring(0, content.length() - 2);
            }
            return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (NoSuchFileException e) {
            throw failure(key, field, reference, "the file " + path + " does not exist");
        } catch (AccessDeniedException e) {
            throw failure(key, field, reference, "the file " + path + " cannot be read: permission denied");
        } catch (IOException e) {
            throw failure(key, field, reference, "the file " + path + " cannot be read (not UTF-8 text, or an I/O "
                    + "error)");
        }
    }

    private static SecretException failure(ConnectionKey key, String field, String reference, String why) {
        return new SecretException("cannot resolve the secret " + reference + " in "
                + field + (key == null ? "" : " for " + key) + ": " + why);
    }

    /**
     * The one rule for which named values hold a secret and are masked wherever values are shown (inventory
     * listings, explanations, results JSON): a name containing {@code password}, {@code passwd},
     * {@code passphrase}, {@code secret}, {@code token}, {@code community} or {@code credential}, or whose last
     * word ends in {@code key} ({@code key}, {@code api_key}, {@code apikey}, {@code private-key}), ignoring case.
     * {@code private_key_file} is a path, not a key: its last word is {@code file}.
     */
    public static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        String[] words = lower.split("[^a-z0-9]+");
        return words.length > 0 && words[words.length - 1].endsWith("key");
    }

    /**
     * How a secret value is shown: a value that is only a reference is shown as written (it is not the secret),
     * anything else as {@code ********}.
     */
    public static String mask(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        Matcher matcher = REFERENCE.matcher(text);
        return matcher.matches() && !text.startsWith("$$") ? text : MASK;
    }

    /** {@code extras} for display, with the values of secret-named keys masked, also in nested maps. */
    public static Map<String, Object> maskExtras(Map<String, Object> extras) {
        Map<String, Object> masked = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, Object> entry : extras.entrySet()) {
            Object shown = isSecretKey(entry.getKey()) ? mask(entry.getValue()) : maskNested(entry.getValue());
            changed |= shown != entry.getValue();
            masked.put(entry.getKey(), shown);
        }
        return changed ? masked : extras;
    }

    /** {@code value} for display: in maps (also inside lists) the values of secret-named keys are masked. */
    public static Object maskNested(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), item));
            Map<String, Object> shown = maskExtras(copy);
            return shown == copy ? value : shown;
        }
        if (value instanceof List<?> list) {
            List<Object> shown = new ArrayList<>();
            boolean changed = false;
            for (Object item : list) {
                Object masked = maskNested(item);
                changed |= masked != item;
                shown.add(masked);
            }
            return changed ? shown : value;
        }
        return value;
    }
}
