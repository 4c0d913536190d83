package dev.berth.runtime.container.logs;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one container log: {@code current} (what conmon writes), the rotated {@code current.1} (newest)
 * to {@code current.(maxFiles-1)} (oldest), and the {@code current.live} hard link that keeps conmon's file
 * reachable across its rename. {@code maxFiles} is docker's max-file (1: no rotated files are kept).
 */
public record LogFiles(Path current, int maxFiles) {

    public LogFiles {
        if (maxFiles < 1) {
            throw new IllegalArgumentException("max-file must be at least 1: " + maxFiles);
        }
    }

    /** The n-th most recent rotated file (1 is the newest). */
    public Path rotated(int n) {
        return current.resolveSibling(current.getFileName() + "." + n);
    }

    /** berthd's hard link to the inode conmon writes. */
    public Path live() {
        return current.resolveSibling(current.getFileName() + ".live");
    }

    /** Whether rotated files are kept at all. */
    public boolean keepsRotated() {
        return maxFiles > 1;
    }

    /** The existing log files, oldest first, the one being written last (it may not exist yet). */
    public List<Path> oldestFirst() {
        List<Path> out = new ArrayList<>();
        for (int n = maxFiles - 1; n >= 1; n--) {
            Path p = rotated(n);
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                out.add(p);
            }
        }
        out.add(current);
        return out;
    }
}
