package io.genja.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses host patterns close to Ansible's: terms separated by {@code :} or {@code ,}; a plain term adds hosts
 * (union), {@code &term} keeps only hosts it also selects (intersection), {@code !term} removes hosts. Order does
 * not matter; without a plain term, every host is the start. A term is {@code all} or {@code *}, a glob
 * ({@code *}, {@code ?}, {@code [..]}) matched against host names and the names of the groups a host is in
 * (through parents too), {@code ~regex} matched the same way from the start of the name, or
 * {@code path=value} comparing an attribute or a dotted data path with a value (which may be a glob).
 * {@code \:} and {@code \,} put a separator into a term.
 */
final class FilterParser {

    private final String expression;

    private FilterParser(String expression) {
        this.expression = expression;
    }

    static Filter parse(String expression) {
        return new FilterParser(expression).parse();
    }

    private Filter parse() {
        if (expression.isBlank()) {
            throw new FilterSyntaxException(expression, 0, "the expression is empty");
        }
        Filter union = null;
        List<Filter> required = new ArrayList<>();
        List<Filter> excluded = new ArrayList<>();
        int start = 0;
        while (start <= expression.length()) {
            int end = termEnd(start);
            String raw = expression.substring(start, end);
            if (raw.isBlank()) {
                throw new FilterSyntaxException(expression, start, "empty pattern between separators"
                        + " (use : or , between patterns, not two in a row or one at either end)");
            }
            char first = raw.charAt(0);
            if (first == '&' || first == '!') {
                if (raw.length() == 1 || raw.charAt(1) == '&' || raw.charAt(1) == '!') {
                    throw new FilterSyntaxException(expression, start + 1,
                            "'" + first + "' must be followed by a pattern");
                }
                Filter term = term(unescape(raw.substring(1)), start + 1);
                (first == '&' ? required : excluded).add(term);
            } else {
                Filter term = term(unescape(raw), start);
                union = union == null ? term : union.or(term);
            }
            start = end + 1;
        }
        Filter result = union == null ? Filter.all() : union;
        for (Filter term : required) {
            result = result.and(term);
        }
        for (Filter term : excluded) {
            result = result.and(term.not());
        }
        return Filter.of(expression, result::test);
    }

    /** The index of the next unescaped separator, or the end. */
    private int termEnd(int start) {
        for (int i = start; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\\' && i + 1 < expression.length()
                    && (expression.charAt(i + 1) == ':' || expression.charAt(i + 1) == ',')) {
                i++;
            } else if (c == ':' || c == ',') {
                return i;
            }
        }
        return expression.length();
    }

    private static String unescape(String term) {
        return term.replace("\\:", ":").replace("\\,", ",");
    }

    private Filter term(String term, int position) {
        if (term.equals("all") || term.equals("*")) {
            return Filter.all();
        }
        if (term.startsWith("~")) {
            if (term.length() == 1) {
                throw new FilterSyntaxException(expression, position, "'~' must be followed by a regular expression");
            }
            try {
                Pattern pattern = Pattern.compile(term.substring(1));
                return nameOrGroup(term, name -> pattern.matcher(name).lookingAt());
            } catch (PatternSyntaxException e) {
                throw new FilterSyntaxException(expression, position + 1 + Math.max(0, e.getIndex()),
                        "invalid regular expression: " + e.getDescription());
            }
        }
        int equals = term.indexOf('=');
        if (equals >= 0) {
            String path = term.substring(0, equals).trim();
            String value = term.substring(equals + 1).trim();
            if (path.isEmpty()) {
                throw new FilterSyntaxException(expression, position, "'=' needs a key before it, e.g. platform=ios");
            }
            if (path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
                throw new FilterSyntaxException(expression, position, "\"" + path + "\" is not a dotted path");
            }
            if (!isGlob(value)) {
                return Filter.eq(path, value);
            }
            Pattern pattern = glob(value, position + equals + 1);
            return Filter.of(term, host -> {
                Object actual = Filter.value(host, path);
                return actual != null && pattern.matcher(actual.toString()).matches();
            });
        }
        if (!isGlob(term)) {
            return Filter.of(term, host -> host.name().equals(term) || host.inGroup(term));
        }
        Pattern pattern = glob(term, position);
        return nameOrGroup(term, name -> pattern.matcher(name).matches());
    }

    private static Filter nameOrGroup(String description, Predicate<String> matches) {
        return Filter.of(description, host -> {
            if (matches.test(host.name())) {
                return true;
            }
            for (String group : host.allGroups()) {
                if (matches.test(group)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    private Pattern glob(String glob, int position) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 1);
                    if (close < 0) {
                        throw new FilterSyntaxException(expression, position + i, "'[' without a closing ']'");
                    }
                    String set = glob.substring(i + 1, close);
                    regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    i = close;
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(regex.toString());
        } catch (PatternSyntaxException e) {
            throw new FilterSyntaxException(expression, position, "invalid glob: " + e.getDescription());
        }
    }
}
