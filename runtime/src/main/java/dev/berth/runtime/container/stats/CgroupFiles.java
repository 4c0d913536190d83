package dev.berth.runtime.container.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tolerant parsing of cgroup files: a missing or odd file reads as zero/empty rather than failing the stats. */
final class CgroupFiles {
    private CgroupFiles() {}

    /** All lines; readAllLines because Files.readString truncates pseudo files on this JDK. */
    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A single number; "max" (unlimited) and unreadable files read as 0. */
    static long number(Path file) {
        List<String> l = lines(file);
        if (l.isEmpty()) {
            return 0;
        }
        return parse(l.get(0).trim());
    }

    /** "key value" lines, as memory.stat and cpu.stat have them. */
    static Map<String, Long> keyValues(Path file) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : lines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2) {
                out.put(f[0], parse(f[1]));
            }
        }
        return out;
    }

    static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
