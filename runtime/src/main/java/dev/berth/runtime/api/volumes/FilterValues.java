package dev.berth.runtime.api.volumes;

import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.Locale;
import java.util.Set;

/** Boolean filter values read as moby reads them. */
final class FilterValues {
    private FilterValues() {}

    /** {@code filters.GetBoolOrDefault}: "true"/"1" or "false"/"0"; none gives null, both or junk an error. */
    static Boolean bool(Filters filters, String key) {
        Set<String> values = filters.get(key);
        if (values.isEmpty()) {
            return null;
        }
        boolean yes = false;
        boolean no = false;
        for (String v : values) {
            String s = v.toLowerCase(Locale.ROOT);
            yes |= s.equals("true") || s.equals("1");
            no |= s.equals("false") || s.equals("0");
        }
        if (yes == no) {
            throw new InvalidArgumentException(
                    "invalid filter '" + key + "=" + String.join(",", values.stream().sorted().toList()) + "'");
        }
        return yes;
    }

    /** Go's {@code strconv.ParseBool} for the single value of {@code key}, as the prune {@code all} filter takes it. */
    static boolean single(Filters filters, String key, boolean dflt) {
        Set<String> values = filters.get(key);
        if (values.size() > 1) {
            throw new InvalidArgumentException("invalid filter '" + key + "=" + values.stream().sorted().toList()
                    + "': only one value is expected");
        }
        if (values.isEmpty()) {
            return dflt;
        }
        String v = values.iterator().next();
        return switch (v) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw new InvalidArgumentException("invalid filter '" + key + "': strconv.ParseBool: parsing \""
                    + v + "\": invalid syntax");
        };
    }
}
