package dev.berth.dockerfile.ignore;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Path patterns as Docker reads them in {@code .dockerignore} and COPY sources: {@code *} and {@code ?} match within
 * one path element, {@code **} across elements, {@code [...]} a set, a backslash quotes the next character.
 */
public final class PathGlob {
    private PathGlob() {
    }

    /** True if {@code text} uses any pattern character. */
    public static boolean hasMeta(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    /** The pattern as an anchored regex over {@code /}-separated relative paths. */
    public static Pattern compile(String pattern) {
        StringBuilder re = new StringBuilder("^");
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < n && pattern.charAt(i + 1) == '/') {
                        i++;
                    }
                    re.append(i + 1 >= n ? ".*" : "(.*/)?");
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '\\' && i + 1 < n) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 1);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    String set = pattern.substring(i + 1, end);
                    if (set.startsWith("^") || set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    }
                    re.append('[').append(set.replace("[", "\\[")).append(']');
                    i = end;
                }
            } else if (".+()|{}$^".indexOf(c) >= 0) {
                re.append('\\').append(c);
            } else {
                re.append(c);
            }
        }
        return Pattern.compile(re.append('$').toString());
    }

    /** Lexical clean as Go's {@code filepath.Clean}: no empty or {@code .} elements, {@code ..} folded. */
    public static String clean(String path) {
        boolean absolute = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.getLast().equals("..")) {
                    out.removeLast();
                } else if (!absolute) {
                    out.add(part);
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (absolute) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
