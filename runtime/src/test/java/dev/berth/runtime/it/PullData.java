package dev.berth.runtime.it;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;

/** How much a pull has written into a data root, for tests that interrupt pulls halfway. */
final class PullData {
    private PullData() {}

    /** Waits until partial downloads ({@code ingest/}) hold more than {@code bytes}. */
    static void awaitPartial(Path dataRoot, long bytes, Duration timeout) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (bytesUnder(dataRoot.resolve("ingest")) > bytes) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the pull never started writing data");
    }

    /** The size of the regular files under {@code dir} (0 when it does not exist). */
    static long bytesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] total = {0};
        // A pull renames and deletes files while we count: a file gone in between is simply not counted.
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    total[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
