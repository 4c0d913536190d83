package dev.berth.dockerfile;

import dev.berth.dockerfile.shell.RawWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Dockerfile text into {@link Node}s (see the package comment for the three layers of reading). Bounded: a
 * Dockerfile of more than {@link #MAX_BYTES} or {@link #MAX_INSTRUCTIONS} instructions is refused with a clear error
 * before anything is built.
 */
public final class DockerfileParser {
    /** The largest Dockerfile berthd reads; real ones are kilobytes. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** The most instructions in one Dockerfile. */
    public static final int MAX_INSTRUCTIONS = 2000;

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Set<String> WITH_HEREDOCS = Set.of("run", "copy", "add");
    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");
    private static final Pattern KEYWORD = Pattern.compile("^(\\S+)\\s*(.*)$", Pattern.DOTALL);

    private DockerfileParser() {}

    /** Parses {@code text}. */
    public static ParsedDockerfile parse(String text) {
        if (text.length() > MAX_BYTES) {
            throw new DockerfileSyntaxException(1,
                    "the Dockerfile has " + text.length() + " characters; berthd reads at most "
                            + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        List<String> warnings = new ArrayList<>();
        char escape = '\\';
        String syntax = null;
        boolean escapeSeen = false;
        int i = 0;
        for (; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.matches() || !DIRECTIVES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                break;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2);
            if (key.equals("escape")) {
                if (escapeSeen) {
                    throw new DockerfileSyntaxException(i + 1, "only one escape parser directive can be used");
                }
                if (!value.equals("\\") && !value.equals("`")) {
                    throw new DockerfileSyntaxException(i + 1,
                            "invalid escape token '" + value + "' does not match ` or \\");
                }
                escape = value.charAt(0);
                escapeSeen = true;
            } else if (key.equals("syntax")) {
                syntax = value;
                warnings.add("the syntax directive (" + value
                        + ") is not used: berthd builds every Dockerfile with its own builder");
            }
        }
        Pattern continuation = Pattern.compile(Pattern.quote(String.valueOf(escape)) + "[ \\t]*$");
        List<Node> nodes = new ArrayList<>();
        while (i < lines.length) {
            String line = lines[i].stripLeading();
            i++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int start = i;
            StringBuilder logical = new StringBuilder();
            boolean more = appendPart(logical, line, continuation);
            while (more && i < lines.length) {
                String next = lines[i];
                i++;
                if (next.stripLeading().startsWith("#")) {
                    continue;
                }
                if (next.isBlank()) {
                    warnings.add("empty continuation line on line " + i + " (an error in future Docker releases)");
                    continue;
                }
                more = appendPart(logical, next, continuation);
            }
            String original = logical.toString().strip();
            if (original.isEmpty()) {
                continue;
            }
            Matcher km = KEYWORD.matcher(original);
            km.matches();
            String keyword = km.group(1).toLowerCase(Locale.ROOT);
            String args = km.group(2).strip();
            List<Heredoc> heredocs = new ArrayList<>();
            if (WITH_HEREDOCS.contains(keyword)) {
                for (HeredocMarker marker : markers(args, escape)) {
                    StringBuilder body = new StringBuilder();
                    boolean terminated = false;
                    while (i < lines.length) {
                        String bodyLine = lines[i];
                        i++;
                        String candidate = marker.chomp ? stripTabs(bodyLine) : bodyLine;
                        if (candidate.equals(marker.name)) {
                            terminated = true;
                            break;
                        }
                        body.append(marker.chomp ? stripTabs(bodyLine) : bodyLine).append('\n');
                    }
                    if (!terminated) {
                        throw new DockerfileSyntaxException(start, "unterminated heredoc " + marker.name);
                    }
                    heredocs.add(new Heredoc(marker.name, body.toString(), marker.expand, marker.fd));
                }
            }
            nodes.add(new Node(keyword, args, original, heredocs, start, i));
            if (nodes.size() > MAX_INSTRUCTIONS) {
                throw new DockerfileSyntaxException(start, "the Dockerfile has more than " + MAX_INSTRUCTIONS
                        + " instructions; berthd builds at most " + MAX_INSTRUCTIONS);
            }
        }
        if (nodes.isEmpty()) {
            throw new DockerfileSyntaxException(1, "the Dockerfile (or its remaining text) contains no instructions");
        }
        return new ParsedDockerfile(escape, syntax, nodes, warnings);
    }

    /** Appends a physical line; true if it ended in a continuation. */
    private static boolean appendPart(StringBuilder logical, String line, Pattern continuation) {
        Matcher m = continuation.matcher(line);
        if (m.find()) {
            logical.append(line, 0, m.start());
            return true;
        }
        logical.append(line);
        return false;
    }

    private static String stripTabs(String s) {
        int n = 0;
        while (n < s.length() && s.charAt(n) == '\t') {
            n++;
        }
        return s.substring(n);
    }

    private record HeredocMarker(String name, boolean expand, boolean chomp, int fd) {}

    /** The heredoc markers among the words of an instruction's arguments, in order. */
    private static List<HeredocMarker> markers(String args, char escape) {
        List<HeredocMarker> out = new ArrayList<>();
        for (String word : RawWords.split(args, escape)) {
            Matcher m = HEREDOC.matcher(word);
            if (!m.matches() || m.group(3).isEmpty() || m.group(1).length() > 2) {
                continue;
            }
            String raw = m.group(3);
            String name = raw.replace("\"", "").replace("'", "");
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                continue;
            }
            int fd = m.group(1).isEmpty() ? -1 : Integer.parseInt(m.group(1));
            out.add(new HeredocMarker(name, name.equals(raw), m.group(2).equals("-"), fd));
        }
        return out;
    }
}
