package io.genja.secret;

import io.genja.connection.ConnectionException;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.task.FailureKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves secret references in connection parameters when a connection opens, so that secrets live in the
 * environment or in files rather than in the inventory: {@code ${env:NAME}} is the environment variable
 * {@code NAME}, {@code ${file:path}} the content of a file (one trailing line break removed; a relative path is
 * relative to the inventory's directory). References may stand alone or inside a longer value;
 * {@code $${...}} is a literal {@code ${...}}. They are resolved in the password and in every string of
 * {@code extras}. Error messages name the reference, never a secret value.
 */
public final class SecretResolver {

    private static final Pattern REFERENCE = Pattern.compile("\\$?\\$\\{(env|file):([^}]*)}");
    private static final String MASK = "********";

    private final Function<String, String> environment;
    private final Path baseDirectory;

    /**
     * @param environment looks up environment variables ({@code System::getenv}, or a map's {@code get} in tests)
     * @param baseDirectory where relative {@code ${file:..}} paths start
     */
    public SecretResolver(Function<String, String> environment, Path baseDirectory) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
    }

    /** The process environment; relative files from the working directory. */
    public static SecretResolver system() {
        return new SecretResolver(System::getenv, Path.of(""));
    }

    /** The same base directory, environment variables from {@code environment}. */
    public SecretResolver withEnvironment(Function<String, String> environment) {
        return new SecretResolver(environment, baseDirectory);
    }

    /** The same environment, relative files from {@code directory}. */
    public SecretResolver withBaseDirectory(Path directory) {
        return new SecretResolver(environment, directory);
    }

    /** Whether {@code value} holds at least one reference. */
    public static boolean hasReference(String value) {
        return value != null && value.contains("${");
    }

    /** A syntax error in the references of {@code value} ({@code ${env:}} names nothing), if any. */
    public static Optional<String> checkSyntax(String value) {
        if (!hasReference(value)) {
            return Optional.empty();
        }
        Matcher matcher = REFERENCE.matcher(value);
        while (matcher.find()) {
            if (!matcher.group().startsWith("$$") && matcher.group(2).isBlank()) {
                return Optional.of("the secret reference " + matcher.group() + " names no "
                        + (matcher.group(1).equals("env") ? "environment variable" : "file"));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code params} with every reference in the password and extras replaced by its value.
     *
     * @throws ConnectionException of kind {@link FailureKind#VALIDATION} when a reference cannot be resolved;
     *     the message names the host, the field and the reference, never a value
     */
    public ResolvedConnectionParams resolve(ConnectionKey key, ResolvedConnectionParams params)
            throws ConnectionException {
        String password = params.password();
        if (hasReference(password)) {
            password = resolve(password, key, "password");
        }
        Map<String, Object> extras = params.extras();
        boolean changed = false;
        Map<String, Object> resolvedExtras = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : extras.entrySet()) {
            Object value = resolveValue(entry.getValue(), key, "extras." + entry.getKey());
            changed |= value != entry.getValue();
            resolvedExtras.put(entry.getKey(), value);
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
     */
    public List<String> problems(ResolvedConnectionParams params) {
        List<String> problems = new ArrayList<>();
        collectProblems(params.password(), "password", problems);
        params.extras().forEach((name, value) -> collectProblems(value, "extras." + name, problems));
        return problems;
    }

    private void collectProblems(Object value, String field, List<String> problems) {
        try {
            resolveValue(value, null, field);
        } catch (ConnectionException e) {
            problems.add(e.getMessage());
        }
    }

    private Object resolveValue(Object value, ConnectionKey key, String field) throws ConnectionException {
        if (value instanceof String text) {
            return hasReference(text) ? resolve(text, key, field) : text;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object resolved = resolveValue(entry.getValue(), key, field + "." + entry.getKey());
                changed |= resolved != entry.getValue();
                copy.put(entry.getKey(), resolved);
            }
            return changed ? Collections.unmodifiableMap(copy) : value;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < list.size(); i++) {
                Object resolved = resolveValue(list.get(i), key, field + "[" + i + "]");
                changed |= resolved != list.get(i);
                copy.add(resolved);
            }
            return changed ? Collections.unmodifiableList(copy) : value;
        }
        return value;
    }

    private String resolve(String value, ConnectionKey key, String field) throws ConnectionException {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group().startsWith("$$")) {
                replacement = matcher.group().substring(1);
            } else if (matcher.group(1).equals("env")) {
                replacement = environment.apply(matcher.group(2));
                if (replacement == null) {
                    throw failure(key, field, matcher.group(), "the environment variable " + matcher.group(2)
                            + " is not set");
                }
            } else {
                replacement = readFile(matcher.group(2), key, field, matcher.group());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String readFile(String name, ConnectionKey key, String field, String reference)
            throws ConnectionException {
        Path path = baseDirectory.resolve(name);
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            if (content.endsWith("\r\n")) {
                return content.substring(0, content.length() - 2);
            }
            return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (NoSuchFileException e) {
            throw failure(key, field, reference, "the file " + path + " does not exist");
        } catch (IOException e) {
            throw failure(key, field, reference, "the file " + path + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static ConnectionException failure(ConnectionKey key, String field, String reference, String why) {
        return new ConnectionException(FailureKind.VALIDATION, "cannot resolve the secret " + reference + " in "
                + field + (key == null ? "" : " for " + key) + ": " + why);
    }

    /** Whether an extras key by its name holds a secret, so that it is masked wherever it is shown. */
    public static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("passphrase") || lower.contains("secret")
                || lower.contains("token");
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
            Object shown = isSecretKey(entry.getKey()) ? mask(entry.getValue()) : masked(entry.getValue());
            changed |= shown != entry.getValue();
            masked.put(entry.getKey(), shown);
        }
        return changed ? masked : extras;
    }

    private static Object masked(Object value) {
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
                Object masked = masked(item);
                changed |= masked != item;
                shown.add(masked);
            }
            return changed ? shown : value;
        }
        return value;
    }
}
