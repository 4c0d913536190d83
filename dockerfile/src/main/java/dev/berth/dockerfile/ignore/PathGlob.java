package dev.berth.dockerfile.ignore;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Path patterns as Docker reads them in {@code .dockerignore} and COPY sources: {@code *} and {@code ?} match within
 * one path element, {@code **} across elements, {@code [...]} a set, a backslash quotes the next character.
 */
public final class PathGlob {
    private PathGlob() {}

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
                    re.append(characterClass(pattern.substring(i + 1, end), pattern));
                    i = end;
                }
            } else if (".+()|{}$^".indexOf(c) >= 0) {
                re.append('\\').append(c);
            } else {
                re.append(c);
            }
        }
        try {
            return Pattern.compile(re.append('$').toString());
        } catch (PatternSyntaxException e) {
            throw badPattern(pattern); // a range such as [z-a]
        }
    }

    /**
     * A {@code [...]} set as a regex class: {@code ^} or {@code !} first negates, {@code lo-hi} is a range, a
     * backslash quotes the next character, everything else is itself (Go has no {@code \d} or {@code &&} in sets).
     */
    private static String characterClass(String body, String pattern) {
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        if (body.startsWith("^") || body.startsWith("!")) {
            out.append('^');
            i = 1;
        }
        if (i >= body.length()) {
            throw badPattern(pattern); // Go's filepath.Match refuses an empty set
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                out.append(literal(body.charAt(++i)));
            } else if (c == '-' && out.length() > 1 && out.charAt(out.length() - 1) != '^' && i + 1 < body.length()) {
                out.append('-');
            } else {
                out.append(literal(c));
            }
        }
        return out.append(']').toString();
    }

    private static String literal(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }

    private static dev.berth.dockerfile.DockerfileException badPattern(String pattern) {
        return new dev.berth.dockerfile.DockerfileException("syntax error in pattern \"" + pattern + "\"");
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
