package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories of test fixtures: short paths under /tmp (a unix socket path must fit in 108 bytes). */
public final class TempTree {
    private TempTree() {}

    /** A new directory {@code /tmp/<prefix>…}. */
    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes {@code root} and everything under it, unless something is still mounted below it: then the tree is
     * left for a person to look at (deleting through a container's mount would reach into the container).
     */
    public static void delete(Path root) {
        if (root == null || !Files.exists(root) || mountedBelow(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort: /tmp is cleaned eventually, and a test's result must not hang on it.
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // Best effort, as above.
        }
    }

    private static boolean mountedBelow(Path root) {
        Path mountinfo = Path.of("/proc/self/mountinfo");
        try {
            String prefix = root.toAbsolutePath() + "/";
            return Files.exists(mountinfo) && Files.readAllLines(mountinfo).stream()
                    .map(line -> line.split(" "))
                    .anyMatch(fields -> fields.length > 4 && (fields[4] + "/").startsWith(prefix));
        } catch (IOException e) {
            return false;
        }
    }
}
