package dev.berth.runtime.volume;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The filters of {@code GET /volumes}: {@code name} (any matches, as a regular expression found in the name,
 * like moby's {@code filters.Match}), {@code driver} (any equals), {@code label} (all of "k" or "k=v" hold)
 * and {@code dangling} (null for either). Empty sets mean no restriction.
 */
public record VolumeQuery(Set<String> names, Set<String> drivers, Set<String> labels, Boolean dangling) {
    /** Every volume. */
    public static final VolumeQuery ALL = new VolumeQuery(Set.of(), Set.of(), Set.of(), null);

    public VolumeQuery {
        names = Set.copyOf(names);
        drivers = Set.copyOf(drivers);
        labels = Set.copyOf(labels);
    }

    /** True if {@code volume}, used by {@code users}, passes every filter. */
    public boolean matches(Volume volume, List<String> users) {
        if (!drivers.isEmpty() && !drivers.contains(volume.driver())) {
            return false;
        }
        if (!names.isEmpty() && names.stream().noneMatch(n -> nameMatches(n, volume.name()))) {
            return false;
        }
        if (!Labels.matchAll(labels, volume.labels())) {
            return false;
        }
        return dangling == null || dangling == users.isEmpty();
    }

    private static boolean nameMatches(String wanted, String name) {
        if (wanted.equals(name)) {
            return true;
        }
        try {
            return Pattern.compile(wanted).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return false; // Go's filters.Match ignores patterns that do not compile
        }
    }

    /** "k" / "k=v" selectors against a label map. */
    static final class Labels {
        private Labels() {}

        /** True if every selector holds (and so true for none). */
        static boolean matchAll(Set<String> selectors, Map<String, String> labels) {
            for (String s : selectors) {
                int eq = s.indexOf('=');
                boolean ok = eq < 0 ? labels.containsKey(s)
                        : s.substring(eq + 1).equals(labels.get(s.substring(0, eq)));
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }
}
