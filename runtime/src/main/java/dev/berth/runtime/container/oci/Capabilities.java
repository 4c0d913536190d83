package dev.berth.runtime.container.oci;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Docker's capability rules: the default set (moby oci/caps/defaults.go) adjusted by --cap-add/--cap-drop. */
public final class Capabilities {
    /** The 14 capabilities a non-privileged Docker container gets. */
    public static final List<String> DEFAULTS = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
            "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

    /** Every capability by number (linux/capability.h), up to CAP_CHECKPOINT_RESTORE = 40. */
    private static final List<String> ALL_BY_NUMBER = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
            "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
            "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
            "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
            "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
            "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM",
            "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

    private Capabilities() {}

    /**
     * Every capability the engine itself may grant: its own bounding set (CapBnd of /proc/self/status), as moby's
     * GetAllCapabilities does. Asking the runtime for more fails the create ("unable to apply caps"), e.g. in a
     * sandbox without CAP_SYS_RESOURCE.
     */
    public static List<String> all() {
        try {
            // readAllLines, not readString: JDK 25's readString trusts the size 0 that /proc reports and truncates.
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapBnd:")) {
                    return fromMask(Long.parseUnsignedLong(line.substring(7).trim(), 16));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux-like: fall through to the kernel's list
        }
        int last = ALL_BY_NUMBER.size() - 1;
        try {
            last = Math.min(last,
                    Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/kernel/cap_last_cap")).getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            // keep the table's full length
        }
        return ALL_BY_NUMBER.subList(0, last + 1);
    }

    /** The names of the capabilities whose bits are set in {@code mask}. */
    public static List<String> fromMask(long mask) {
        List<String> out = new ArrayList<>();
        for (int bit = 0; bit < ALL_BY_NUMBER.size(); bit++) {
            if ((mask & (1L << bit)) != 0) {
                out.add(ALL_BY_NUMBER.get(bit));
            }
        }
        return out;
    }

    /**
     * Applies adds and drops to the default set like moby's TweakCapabilities: "ALL" in add starts from every
     * capability, "ALL" in drop starts from none; then explicit adds win over explicit drops.
     */
    public static List<String> effective(boolean privileged, List<String> add, List<String> drop) {
        List<String> known = all();
        if (privileged) {
            return known;
        }
        List<String> adds = normalize(add, known);
        List<String> drops = normalize(drop, known);
        Set<String> result = new LinkedHashSet<>(adds.contains("ALL") ? known : DEFAULTS);
        if (drops.contains("ALL")) {
            result.clear();
        } else {
            result.removeAll(drops);
        }
        for (String cap : adds) {
            if (!cap.equals("ALL")) {
                result.add(cap);
            }
        }
        return new ArrayList<>(result);
    }

    /** Upper-cases, adds the CAP_ prefix and rejects names the kernel does not know. */
    static List<String> normalize(List<String> names, List<String> known) {
        List<String> out = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim().toUpperCase(Locale.ROOT);
            if (name.equals("ALL") || name.equals("CAP_ALL")) {
                out.add("ALL");
                continue;
            }
            if (!name.startsWith("CAP_")) {
                name = "CAP_" + name;
            }
            if (!ALL_BY_NUMBER.contains(name)) {
                throw new InvalidArgumentException("unknown capability: \"" + raw + "\"");
            }
            if (known.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
