package dev.berth.runtime.api.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path template such as {@code /images/{name:.*}/json}: {@code {x}} matches one path segment,
 * {@code {x:REGEX}} matches the regex (which may span slashes, as image names do), as in gorilla/mux.
 */
final class RouteTemplate {
    private final String text;
    private final Pattern pattern;
    private final List<String> names;

    RouteTemplate(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("route template must start with '/': " + text);
        }
        this.text = text;
        List<String> found = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(text.substring(i)));
                break;
            }
            int close = closingBrace(text, open);
            regex.append(Pattern.quote(text.substring(i, open)));
            String var = text.substring(open + 1, close);
            int colon = var.indexOf(':');
            String name = colon < 0 ? var : var.substring(0, colon);
            String part = colon < 0 ? "[^/]+" : var.substring(colon + 1);
            if (name.isEmpty() || found.contains(name)) {
                throw new IllegalArgumentException("bad or repeated variable '" + name + "' in " + text);
            }
            found.add(name);
            regex.append('(').append(part).append(')');
            i = close + 1;
        }
        this.pattern = Pattern.compile(regex.toString());
        this.names = List.copyOf(found);
        if (pattern.matcher("").groupCount() != names.size()) {
            // A capturing group inside a variable's regex would shift the others; require (?:...) there.
            throw new IllegalArgumentException("use non-capturing groups (?:...) inside variables: " + text);
        }
    }

    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int j = open; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
        }
        throw new IllegalArgumentException("unclosed '{' in route template " + text);
    }

    /** The variables of {@code path} if it matches the whole template, else null. */
    Map<String, String> match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int g = 0; g < names.size(); g++) {
            params.put(names.get(g), m.group(g + 1));
        }
        return params;
    }

    @Override
    public String toString() {
        return text;
    }
}
