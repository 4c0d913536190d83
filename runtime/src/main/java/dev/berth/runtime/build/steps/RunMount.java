package dev.berth.runtime.build.steps;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One {@code RUN --mount=…} option, BuildKit's syntax: comma-separated {@code key=value} fields, {@code type} one of
 * {@code bind} (the default), {@code cache} and {@code tmpfs}. {@code secret} and {@code ssh} need BuildKit's client
 * session, which the {@code /build} API has no way to carry: they are refused with a message that says so.
 *
 * @param type     bind, cache or tmpfs
 * @param target   where it appears in the step's container
 * @param source   the path in the context (or in {@code from}) for bind and cache, or null
 * @param from     a stage or image to take {@code source} from, or null (the context)
 * @param readOnly bind mounts are read-only unless {@code rw}; cache mounts are writable unless {@code ro}
 * @param options  the remaining fields ({@code id}, {@code sharing}, {@code mode}, {@code uid}, {@code gid}, {@code size})
 */
record RunMount(String type, String target, String source, String from, boolean readOnly, Map<String, String> options) {
    private static final Set<String> TYPES = Set.of("bind", "cache", "tmpfs");

    /** Parses one {@code --mount} value (already expanded). */
    static RunMount parse(String spec) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : csv(spec)) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : field.substring(eq + 1);
            fields.put(key, value);
        }
        String type = fields.getOrDefault("type", "bind");
        type = type == null ? "bind" : type.toLowerCase(Locale.ROOT);
        if (type.equals("secret") || type.equals("ssh")) {
            throw new InvalidArgumentException("RUN --mount=type=" + type
                    + " needs BuildKit's client session, which berthd's "
                    + "/build API cannot receive; pass the value as a build argument or copy it in a stage that is not kept");
        }
        if (!TYPES.contains(type)) {
            throw new InvalidArgumentException("unsupported mount type " + type + " in RUN --mount=" + spec);
        }
        String target = first(fields, "target", "dst", "destination");
        if (target == null || target.isBlank()) {
            throw new InvalidArgumentException("RUN --mount=" + spec + " needs a target");
        }
        String source = first(fields, "source", "src");
        boolean readOnly = type.equals("bind")
                ? !(fields.containsKey("rw") || fields.containsKey("readwrite"))
                        || isFalse(first(fields, "rw", "readwrite"))
                : fields.containsKey("ro") || fields.containsKey("readonly");
        Map<String, String> options = new LinkedHashMap<>();
        for (String k : List.of("id", "sharing", "mode", "uid", "gid", "size")) {
            if (fields.get(k) != null) {
                options.put(k, fields.get(k));
            }
        }
        String sharing = options.getOrDefault("sharing", "shared");
        if (!Set.of("shared", "private", "locked").contains(sharing)) {
            throw new InvalidArgumentException(
                    "invalid sharing " + sharing + " in RUN --mount (shared, private or locked)");
        }
        return new RunMount(type, target, source, fields.get("from"), readOnly, options);
    }

    /** Mount mode, uid or gid as a number; {@code dflt} when absent. */
    int number(String key, int dflt, int radix) {
        String v = options.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v, radix);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid " + key + " " + v + " in RUN --mount");
        }
    }

    private static boolean isFalse(String v) {
        return v != null && v.equalsIgnoreCase("false");
    }

    private static String first(Map<String, String> fields, String... keys) {
        for (String k : keys) {
            if (fields.get(k) != null) {
                return fields.get(k);
            }
        }
        return null;
    }

    /** Splits at commas outside double quotes, removing the quotes. */
    private static List<String> csv(String spec) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : spec.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        out.removeIf(String::isBlank);
        return out;
    }
}
