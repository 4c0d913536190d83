package dev.berth.dockerfile.instructions;

import dev.berth.dockerfile.DockerfileSyntaxException;
import dev.berth.dockerfile.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name=value} flags at the start of an instruction's arguments. Flags end at the first word that does
 * not start with {@code --}; a lone {@code --} ends them too. A flag the instruction does not know is an error that
 * names it, as in BuildKit ({@code unknown flag: --foo}).
 *
 * @param values the flags' values by name, in order; a flag given without {@code =} has the value {@code "true"}
 * @param rest   the arguments after the flags
 */
record Flags(Map<String, List<String>> values, String rest) {

    /** Takes the flags off {@code args}; {@code allowed} names the flags this instruction takes, {@code repeatable} those it takes more than once. */
    static Flags parse(Node node, String args, char escape, Set<String> allowed, Set<String> repeatable) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int pos = 0;
        int n = args.length();
        while (true) {
            while (pos < n && Character.isWhitespace(args.charAt(pos))) {
                pos++;
            }
            if (!args.startsWith("--", pos)) {
                break;
            }
            int end = wordEnd(args, pos, escape);
            String word = args.substring(pos, end);
            pos = end;
            if (word.equals("--")) {
                break;
            }
            int eq = word.indexOf('=');
            String name = eq < 0 ? word.substring(2) : word.substring(2, eq);
            String value = eq < 0 ? "true" : word.substring(eq + 1);
            if (!allowed.contains(name)) {
                throw new DockerfileSyntaxException(node.startLine(), "unknown flag: --" + name);
            }
            List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!list.isEmpty() && !repeatable.contains(name)) {
                throw new DockerfileSyntaxException(node.startLine(), "duplicate flag specified: --" + name);
            }
            list.add(value);
        }
        return new Flags(values, args.substring(Math.min(pos, n)).strip());
    }

    /** The value of a flag given once, or null. */
    String one(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.getLast();
    }

    /** Every value of a repeatable flag. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** A boolean flag: absent is false; {@code --link} and {@code --link=true} are true. */
    boolean bool(Node node, String name) {
        String v = one(name);
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw new DockerfileSyntaxException(node.startLine(),
                "expecting boolean value for flag --" + name + ", not: " + v);
    }

    /** The end of the word at {@code start}: the next blank outside quotes. */
    private static int wordEnd(String s, int start, char escape) {
        char quote = 0;
        int i = start;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                break;
            }
            if (c == escape && quote != '\'' && i + 1 < s.length()) {
                i += 2;
                continue;
            }
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            i++;
        }
        return i;
    }
}
