package dev.berth.dockerfile.shell;

import dev.berth.dockerfile.DockerfileException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Expands variables in Dockerfile words and removes quotes and escapes, as BuildKit's {@code shell/lex.go}: single
 * quotes are literal, double quotes expand {@code $} and let the escape character protect {@code "}, {@code $} and
 * itself, an unquoted escape character makes the next character literal. {@link #words} also splits at blanks
 * outside quotes, including blanks that an unquoted expansion brings in ({@code EXPOSE $PORTS}).
 */
public final class ShellLex {
    /** The longest word an expansion may produce; Linux takes no longer single argument or variable either. */
    public static final int MAX_WORD = 128 * 1024;

    /** Where a variable's value comes from; null means unset. */
    @FunctionalInterface
    public interface Env {
        String get(String name);
    }

    private final char escape;

    public ShellLex(char escape) {
        this.escape = escape;
    }

    /** {@code text} as one word: expanded, quotes and escapes removed, blanks kept. */
    public String word(String text, Env env) {
        Out out = new Out(false);
        new Scan(text, env).process((char) 0, out);
        return out.single();
    }

    /** {@code text} as words: expanded, quotes and escapes removed, split at unquoted blanks. */
    public List<String> words(String text, Env env) {
        Out out = new Out(true);
        new Scan(text, env).process((char) 0, out);
        return out.words();
    }

    /**
     * The body of an unquoted here-document, expanded as a shell expands one: {@code $} expressions are replaced,
     * {@code \$}, {@code \\} and {@code \`} lose their backslash, quotes are ordinary characters.
     */
    public String heredoc(String text, Env env) {
        Out out = new Out(false);
        Scan scan = new Scan(text, env);
        scan.heredocBody(out);
        return out.single();
    }

    /** The collected output: one growing word, or a list of words when splitting. */
    private static final class Out {
        private final boolean split;
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean started;
        private long total;

        Out(boolean split) {
            this.split = split;
        }

        /** Characters that never split (quoted or escaped). */
        void literal(CharSequence s) {
            grow(s.length());
            word.append(s);
            started = true;
        }

        /** Characters from unquoted text or an unquoted expansion: blanks split words when splitting. */
        void splittable(CharSequence s) {
            if (!split) {
                literal(s);
                return;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    endWord();
                } else {
                    literal(String.valueOf(c));
                }
            }
        }

        /** A quoted part, even an empty one, makes a word. */
        void markStarted() {
            started = true;
        }

        private void endWord() {
            if (started) {
                words.add(word.toString());
                word.setLength(0);
                started = false;
            }
        }

        private void grow(int n) {
            total += n;
            if (word.length() + n > MAX_WORD || total > 4L * MAX_WORD) {
                throw new DockerfileException("variable expansion produced more than " + (MAX_WORD / 1024)
                        + " KiB in one word");
            }
        }

        String single() {
            return word.toString();
        }

        List<String> words() {
            endWord();
            return words;
        }
    }

    /** A cursor over one text. */
    private final class Scan {
        private final String s;
        private final Env env;
        private int pos;

        Scan(String s, Env env) {
            this.s = s;
            this.env = env;
        }

        private boolean eof() {
            return pos >= s.length();
        }

        private char peek() {
            return s.charAt(pos);
        }

        private char next() {
            return s.charAt(pos++);
        }

        /** A here-document body: only {@code $} and the backslash are special. */
        void heredocBody(Out out) {
            while (!eof()) {
                char ch = next();
                if (ch == '\\' && !eof() && (peek() == '$' || peek() == '\\' || peek() == '`')) {
                    out.literal(String.valueOf(next()));
                } else if (ch == '$') {
                    out.literal(dollar());
                } else {
                    out.literal(String.valueOf(ch));
                }
            }
        }

        /** Processes up to {@code stop} (not consumed) or the end. */
        void process(char stop, Out out) {
            while (!eof()) {
                char ch = peek();
                if (stop != 0 && ch == stop) {
                    return;
                }
                pos++;
                if (ch == escape) {
                    if (!eof()) {
                        out.literal(String.valueOf(next()));
                    }
                } else if (ch == '\'') {
                    out.literal(singleQuoted());
                    out.markStarted();
                } else if (ch == '"') {
                    doubleQuoted(out);
                    out.markStarted();
                } else if (ch == '$') {
                    out.splittable(dollar());
                } else {
                    out.splittable(String.valueOf(ch));
                }
            }
        }

        private String singleQuoted() {
            int end = s.indexOf('\'', pos);
            if (end < 0) {
                throw new DockerfileException(
                        "unexpected end of statement while looking for matching single-quote: " + s);
            }
            String v = s.substring(pos, end);
            pos = end + 1;
            return v;
        }

        private void doubleQuoted(Out out) {
            while (true) {
                if (eof()) {
                    throw new DockerfileException(
                            "unexpected end of statement while looking for matching double-quote: " + s);
                }
                char ch = next();
                if (ch == '"') {
                    return;
                }
                if (ch == '$') {
                    out.literal(dollar());
                } else if (ch == escape && !eof() && (peek() == '"' || peek() == '$' || peek() == escape)) {
                    out.literal(String.valueOf(next()));
                } else {
                    out.literal(String.valueOf(ch));
                }
            }
        }

        /** After a {@code $}: a variable, a braced expression, or a literal dollar. */
        private String dollar() {
            if (eof()) {
                return "$";
            }
            char ch = peek();
            if (ch == '{') {
                pos++;
                return braced();
            }
            if (isNameStart(ch)) {
                String value = env.get(name());
                return value == null ? "" : value;
            }
            if (Character.isDigit(ch)) {
                pos++;
                String value = env.get(String.valueOf(ch));
                return value == null ? "" : value;
            }
            return "$";
        }

        private String braced() {
            String name = name();
            if (name.isEmpty()) {
                throw new DockerfileException("bad substitution in: " + s);
            }
            if (eof()) {
                throw new DockerfileException("missing '}' in: " + s);
            }
            char ch = next();
            String value = env.get(name);
            if (ch == '}') {
                return value == null ? "" : value;
            }
            boolean colon = ch == ':';
            if (colon) {
                if (eof()) {
                    throw new DockerfileException("missing '}' in: " + s);
                }
                ch = next();
            }
            boolean set = colon ? value != null && !value.isEmpty() : value != null;
            switch (ch) {
                case '-' -> {
                    String word = nested();
                    return set ? value : word;
                }
                case '+' -> {
                    String word = nested();
                    return set ? word : "";
                }
                case '?' -> {
                    String word = nested();
                    if (!set) {
                        throw new DockerfileException(
                                name + ": " + (word.isEmpty() ? "parameter null or not set" : word));
                    }
                    return value;
                }
                case '#', '%' -> {
                    if (colon) {
                        throw new DockerfileException("unsupported modifier (:" + ch + ") in substitution: " + s);
                    }
                    boolean longest = !eof() && peek() == ch;
                    if (longest) {
                        pos++;
                    }
                    String pattern = nested();
                    return trim(value == null ? "" : value, pattern, ch == '#', longest);
                }
                default -> throw new DockerfileException("unsupported modifier (" + (colon ? ":" : "") + ch
                        + ") in substitution: " + s);
            }
        }

        /** The word after a modifier, up to the closing brace (consumed). */
        private String nested() {
            Out out = new Out(false);
            process('}', out);
            if (eof()) {
                throw new DockerfileException("missing '}' in: " + s);
            }
            pos++;
            return out.single();
        }

        private String name() {
            int start = pos;
            while (!eof() && (isNameStart(peek()) || Character.isDigit(peek()))) {
                pos++;
            }
            return s.substring(start, pos);
        }
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code ${V#p}}, {@code ${V##p}}, {@code ${V%p}}, {@code ${V%%p}}: removes the shortest or longest match. */
    static String trim(String value, String pattern, boolean prefix, boolean longest) {
        Pattern p = Pattern.compile(globToRegex(pattern), Pattern.DOTALL);
        int n = value.length();
        for (int i = 0; i <= n; i++) {
            int len = longest ? n - i : i;
            String part = prefix ? value.substring(0, len) : value.substring(n - len);
            if (p.matcher(part).matches()) {
                return prefix ? value.substring(len) : value.substring(0, n - len);
            }
        }
        return value;
    }

    /** A shell glob ({@code *}, {@code ?}, {@code [...]}) as a Java regex. */
    static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, end);
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        }
                        re.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
