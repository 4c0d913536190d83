package dev.berth.runtime.container.xray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a mount in {@code /proc/<pid>/mountinfo} and returns its file system type and super options. A line reads
 * {@code id parent major:minor root mountpoint options [optional fields] - fstype source superoptions}; spaces
 * and other odd characters in paths are written as octal escapes ({@code \040}).
 */
public final class MountInfo {
    /** The mounted file system at {@code mountPoint}: its type and its options (key → value, "" for flags). */
    public record Entry(String fsType, Map<String, String> superOptions) {}

    private MountInfo() {}

    /** The last (topmost) mount at {@code mountPoint}, if any. */
    public static Optional<Entry> find(List<String> mountinfoLines, String mountPoint) {
        Entry found = null;
        for (String line : mountinfoLines) {
            String[] f = line.split(" ");
            int dash = List.of(f).indexOf("-");
            if (f.length < 5 || dash < 0 || f.length < dash + 4 || !unescape(f[4]).equals(mountPoint)) {
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (String opt : f[dash + 3].split(",")) {
                int eq = opt.indexOf('=');
                options.put(eq < 0 ? opt : opt.substring(0, eq), eq < 0 ? "" : unescape(opt.substring(eq + 1)));
            }
            found = new Entry(f[dash + 1], options);
        }
        return Optional.ofNullable(found);
    }

    /** Decodes the kernel's {@code \ooo} escapes. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
