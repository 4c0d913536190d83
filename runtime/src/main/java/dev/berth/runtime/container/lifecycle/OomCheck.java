package dev.berth.runtime.container.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Did the kernel's OOM killer kill something in this cgroup? Read before the runtime deletes the cgroup. */
final class OomCheck {
    private OomCheck() {}

    static boolean oomKilled(String cgroupsPath) {
        // cgroup v1 (memory controller), then the unified hierarchy (v2, or hybrid's unified mount).
        return counter(Path.of("/sys/fs/cgroup/memory" + cgroupsPath, "memory.oom_control"), "oom_kill")
                || counter(Path.of("/sys/fs/cgroup" + cgroupsPath, "memory.events"), "oom_kill")
                || counter(Path.of("/sys/fs/cgroup/unified" + cgroupsPath, "memory.events"), "oom_kill");
    }

    private static boolean counter(Path file, String key) {
        try {
            if (!Files.isReadable(file)) {
                return false;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2 && f[0].equals(key) && Long.parseLong(f[1]) > 0) {
                    return true;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }
}
