package dev.berth.runtime.container.stats;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Interface counters of a network namespace, from {@code /proc/<pid>/net/dev} of a process inside it. */
public final class NetDev {
    /** Docker's per-interface network stats. */
    public record Counters(long rxBytes, long rxPackets, long rxErrors, long rxDropped,
            long txBytes, long txPackets, long txErrors, long txDropped) {}

    private NetDev() {}

    /** Every interface but loopback, keyed by name; empty when the file cannot be read. */
    public static Map<String, Counters> read(Path netDev) {
        Map<String, Counters> out = new LinkedHashMap<>();
        for (String line : CgroupFiles.lines(netDev)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue; // the two header lines
            }
            String name = line.substring(0, colon).trim();
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (name.equals("lo") || f.length < 16) {
                continue;
            }
            out.put(name, new Counters(n(f[0]), n(f[1]), n(f[2]), n(f[3]), n(f[8]), n(f[9]), n(f[10]), n(f[11])));
        }
        return out;
    }

    private static long n(String s) {
        return CgroupFiles.parse(s);
    }
}
