package dev.berth.runtime.api.networks;

import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.network.Network;
import dev.berth.runtime.network.NetworkView;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code filters} of network list and prune, with moby's semantics (daemon/network/filter.go). */
public final class NetworkFilters {
    private static final Set<String> LIST_KEYS = Set.of("dangling", "driver", "id", "label", "name", "scope", "type");
    private static final Set<String> PRUNE_KEYS = Set.of("until", "label", "label!");

    private NetworkFilters() {}

    /** The list filter; bad keys or values are InvalidArgumentExceptions. */
    public static Predicate<NetworkView> list(Filters f) {
        f.validate(LIST_KEYS);
        for (String t : f.get("type")) {
            if (!t.equals("custom") && !t.equals("builtin")) {
                throw new InvalidArgumentException("invalid filter: 'type'='" + t + "'");
            }
        }
        Boolean dangling = dangling(f);
        return v -> {
            Network n = v.network();
            return matchesRegex(f, "name", n.name())
                    && matchesRegex(f, "id", n.id())
                    && f.matchesAny("driver", Set.of(n.driver()))
                    && f.matchesAny("scope", Set.of("local"))
                    && f.matchesAny("type", Set.of(n.builtin() ? "builtin" : "custom"))
                    && f.matchLabels(n.labels())
                    && (dangling == null || dangling == (v.containers().isEmpty() && !n.builtin()));
        };
    }

    /** The prune filter: {@code until} (created before), {@code label}, {@code label!}. */
    public static Predicate<NetworkView> prune(Filters f, Instant now) {
        f.validate(PRUNE_KEYS);
        Long until = null;
        for (String u : f.get("until")) {
            until = dev.berth.runtime.api.system.TimeArg.parseNanos(u, now, java.time.ZoneId.systemDefault());
        }
        Long untilNanos = until;
        return v -> {
            Network n = v.network();
            if (untilNanos != null) {
                Instant created = Instant.parse(n.created());
                if (created.getEpochSecond() * 1_000_000_000L + created.getNano() >= untilNanos) {
                    return false;
                }
            }
            if (!f.matchLabels(n.labels())) {
                return false;
            }
            for (String not : f.get("label!")) {
                int eq = not.indexOf('=');
                String key = eq < 0 ? not : not.substring(0, eq);
                if (n.labels().containsKey(key) && (eq < 0 || n.labels().get(key).equals(not.substring(eq + 1)))) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Boolean dangling(Filters f) {
        Boolean result = null;
        for (String d : f.get("dangling")) {
            result = switch (d.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw new InvalidArgumentException("invalid filter 'dangling=" + d + "'");
            };
        }
        return result;
    }

    /** moby matches name and id filters as regular expressions found anywhere in the value. */
    private static boolean matchesRegex(Filters f, String key, String value) {
        Set<String> wanted = f.get(key);
        if (wanted.isEmpty()) {
            return true;
        }
        for (String w : wanted) {
            try {
                if (Pattern.compile(w).matcher(value).find()) {
                    return true;
                }
            } catch (PatternSyntaxException e) {
                if (value.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }
}
