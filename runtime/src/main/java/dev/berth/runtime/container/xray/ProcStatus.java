package dev.berth.runtime.container.xray;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of {@code /proc/<pid>/status} the X-ray shows. {@code nsPids} is the pid in each nested pid namespace,
 * outermost (the host's) first, so its last entry is the pid the process sees itself as.
 */
public record ProcStatus(String name, long ppid, List<Long> nsPids, long uid, long gid, long capEffective,
        long capBounding, int seccomp, boolean noNewPrivs) {

    /** Parses the lines of a status file; missing fields read as zero/empty (older kernels lack NSpid). */
    public static ProcStatus parse(List<String> lines) {
        String name = "";
        long ppid = 0;
        List<Long> nsPids = new ArrayList<>();
        long uid = 0;
        long gid = 0;
        long capEff = 0;
        long capBnd = 0;
        int seccomp = 0;
        boolean noNewPrivs = false;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "Name" -> name = value;
                case "PPid" -> ppid = number(value);
                case "NSpid" -> {
                    for (String p : value.split("\\s+")) {
                        if (!p.isEmpty()) {
                            nsPids.add(number(p));
                        }
                    }
                }
                // Real, effective, saved, filesystem: the effective id is what permission checks use.
                case "Uid" -> uid = number(field(value, 1));
                case "Gid" -> gid = number(field(value, 1));
                case "CapEff" -> capEff = hex(value);
                case "CapBnd" -> capBnd = hex(value);
                case "Seccomp" -> seccomp = (int) number(value);
                case "NoNewPrivs" -> noNewPrivs = number(value) == 1;
                default -> {
                }
            }
        }
        return new ProcStatus(name, ppid, List.copyOf(nsPids), uid, gid, capEff, capBnd, seccomp, noNewPrivs);
    }

    /** The pid this process has inside its own (innermost) pid namespace; 0 when the kernel does not say. */
    public long innermostPid() {
        return nsPids.isEmpty() ? 0 : nsPids.getLast();
    }

    /** The seccomp mode as a word: 0 disabled, 1 strict, 2 filter (a BPF program decides each syscall). */
    public String seccompMode() {
        return switch (seccomp) {
            case 0 -> "disabled";
            case 1 -> "strict";
            case 2 -> "filter";
            default -> "unknown (" + seccomp + ")";
        };
    }

    private static String field(String value, int index) {
        String[] f = value.split("\\s+");
        return f.length > index ? f[index] : f[0];
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long hex(String s) {
        try {
            return Long.parseUnsignedLong(s.trim(), 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
