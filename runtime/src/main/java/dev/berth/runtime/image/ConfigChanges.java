package dev.berth.runtime.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies {@code --change} lines of {@code docker commit} and {@code docker import}, Dockerfile instructions of the kinds moby allows there (CMD,
 * ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR), to a Docker container config.
 */
public final class ConfigChanges {
    private ConfigChanges() {}

    /** Applies every change to {@code config} in order. */
    public static void apply(ObjectNode config, List<String> changes) {
        boolean cmdSet = false;
        for (String change : changes) {
            String line = change.strip();
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            String keyword = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String rest = space < 0 ? "" : line.substring(space + 1).strip();
            switch (keyword) {
                case "CMD" -> {
                    config.set("Cmd", command(rest));
                    cmdSet = true;
                }
                case "ENTRYPOINT" -> {
                    config.set("Entrypoint", command(rest));
                    // As in a Dockerfile: a new entrypoint drops the inherited CMD unless CMD is set too.
                    if (!cmdSet) {
                        config.putNull("Cmd");
                    }
                }
                case "ENV" -> pairs(rest, keyword).forEach(p -> setEnv(config, p[0], p[1]));
                case "LABEL" -> pairs(rest, keyword).forEach(p -> object(config, "Labels").put(p[0], p[1]));
                case "EXPOSE" ->
                    words(rest).forEach(p -> object(config, "ExposedPorts").set(p.contains("/") ? p : p + "/tcp",
                            Json.MAPPER.createObjectNode()));
                case "VOLUME" ->
                    list(rest).forEach(v -> object(config, "Volumes").set(v, Json.MAPPER.createObjectNode()));
                case "USER" -> config.put("User", required(rest, keyword));
                case "STOPSIGNAL" -> config.put("StopSignal", required(rest, keyword));
                case "WORKDIR" ->
                    config.put("WorkingDir", workdir(config.path("WorkingDir").asText(""), required(rest, keyword)));
                case "ONBUILD" -> array(config, "OnBuild").add(required(rest, keyword));
                default -> throw new InvalidArgumentException(keyword + " is not a valid change command");
            }
        }
    }

    /** JSON form {@code ["a","b"]} or shell form, which runs under {@code /bin/sh -c}. */
    static ArrayNode command(String rest) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (rest.startsWith("[")) {
            try {
                JsonNode n = Json.MAPPER.readTree(rest);
                if (n.isArray()) {
                    for (JsonNode e : n) {
                        if (!e.isTextual()) {
                            throw new InvalidArgumentException("command array must hold strings: " + rest);
                        }
                        out.add(e.asText());
                    }
                    return out;
                }
            } catch (IOException e) {
                // Not JSON after all: shell form, as the Dockerfile parser falls back to.
            }
        }
        out.add("/bin/sh").add("-c").add(rest);
        return out;
    }

    /** {@code k=v k2="v 2"} or the legacy single {@code k v}. */
    static List<String[]> pairs(String rest, String keyword) {
        List<String> words = words(rest);
        List<String[]> out = new ArrayList<>();
        if (words.isEmpty()) {
            throw new InvalidArgumentException(keyword + " requires at least one argument");
        }
        if (!words.getFirst().contains("=")) {
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw new InvalidArgumentException(keyword + " " + rest + ": expected key=value or key value");
            }
            out.add(new String[]{rest.substring(0, space), unquote(rest.substring(space + 1).strip())});
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new InvalidArgumentException(keyword + " " + rest + ": expected key=value, got " + w);
            }
            out.add(new String[]{w.substring(0, eq), w.substring(eq + 1)});
        }
        return out;
    }

    /** Splits on blanks, keeping quoted runs together and removing the quotes. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean any = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else if (ch == '\\' && quote == '"' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                any = true;
            } else if (ch == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
                any = true;
            } else if (Character.isWhitespace(ch)) {
                if (any || cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(ch);
            }
        }
        if (quote != 0) {
            throw new InvalidArgumentException("unterminated quote in: " + s);
        }
        if (any || cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String unquote(String s) {
        List<String> w = words(s);
        return w.size() == 1 ? w.getFirst() : s;
    }

    /** VOLUME's JSON array or blank-separated list. */
    private static List<String> list(String rest) {
        if (rest.startsWith("[")) {
            List<String> out = new ArrayList<>();
            command(rest).forEach(n -> out.add(n.asText()));
            if (out.size() == 3 && out.get(0).equals("/bin/sh") && out.get(1).equals("-c")) {
                throw new InvalidArgumentException("VOLUME " + rest + " is not a valid JSON array");
            }
            return out;
        }
        return words(rest);
    }

    private static void setEnv(ObjectNode config, String key, String value) {
        ArrayNode env = array(config, "Env");
        String entry = key + "=" + value;
        for (int i = 0; i < env.size(); i++) {
            String e = env.get(i).asText();
            if (e.equals(key) || e.startsWith(key + "=")) {
                env.set(i, Json.MAPPER.getNodeFactory().textNode(entry));
                return;
            }
        }
        env.add(entry);
    }

    private static String workdir(String current, String next) {
        if (next.startsWith("/") || current.isEmpty()) {
            return next.startsWith("/") ? next : "/" + next;
        }
        return current.replaceAll("/+$", "") + "/" + next;
    }

    private static String required(String rest, String keyword) {
        if (rest.isEmpty()) {
            throw new InvalidArgumentException(keyword + " requires an argument");
        }
        return unquote(rest);
    }

    private static ObjectNode object(ObjectNode config, String field) {
        JsonNode n = config.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return config.putObject(field);
    }

    private static ArrayNode array(ObjectNode config, String field) {
        JsonNode n = config.get(field);
        if (n instanceof ArrayNode a) {
            return a;
        }
        return config.putArray(field);
    }
}
