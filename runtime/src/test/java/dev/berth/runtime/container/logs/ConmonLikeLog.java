package dev.berth.runtime.container.logs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a k8s-file log the way conmon 2.1.6 does with --log-size-max: when a record would pass the limit,
 * a fresh {@code .tmp} is opened truncated and renamed over the log (ctr_logging.c, reopen_k8s_file).
 */
final class ConmonLikeLog {
    private final Path file;
    private final long maxSize;
    private long written;
    private int second;

    ConmonLikeLog(Path file, long maxSize) {
        this.file = file;
        this.maxSize = maxSize;
    }

    /** Appends one stdout record holding {@code text}, rotating first if it would not fit. */
    void write(String text) throws IOException {
        byte[] record = String
                .format("2026-11-23T18:%02d:%02d.000000000+00:00 stdout F %s%n", (second / 60) % 60, second % 60, text)
                .getBytes(StandardCharsets.US_ASCII);
        second++;
        if (written > 0 && written + record.length > maxSize) {
            rotate();
        }
        Files.write(file, record, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        written += record.length;
    }

    void rotate() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        written = 0;
    }
}
