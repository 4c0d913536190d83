package dev.berth.runtime.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Memory of processes from /proc: RSS (resident, shared pages counted in full) and PSS (shared pages split). */
final class ProcessMemory {
    private ProcessMemory() {}

    /** VmRSS in KiB, 0 if the process is gone. */
    static long rssKiB(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    /** Pss in KiB (smaps_rollup), 0 if the process is gone. */
    static long pssKiB(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
    }

    /**
     * Processes named exactly {@code comm} (the kernel keeps 15 characters) whose command line mentions {@code marker} (conmon and containerd's shims
     * daemonize, so they are not the engine's descendants; their arguments name the engine's directories).
     */
    static List<Long> find(String comm, String marker) {
        List<Long> out = new ArrayList<>();
        String[] pids = Path.of("/proc").toFile().list((d, n) -> n.chars().allMatch(Character::isDigit));
        for (String p : pids == null ? new String[0] : pids) {
            try {
                String name = Files.readAllLines(Path.of("/proc", p, "comm")).getFirst().trim();
                String cmdline = new String(Files.readAllBytes(Path.of("/proc", p, "cmdline")), StandardCharsets.UTF_8);
                if (name.equals(comm) && cmdline.contains(marker)) {
                    out.add(Long.parseLong(p));
                }
            } catch (IOException | RuntimeException e) {
                // exited meanwhile
            }
        }
        return out;
    }

    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) { // not readString: JDK 25 truncates /proc files with it
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
