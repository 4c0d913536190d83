package dev.berth.runtime.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes files so that a crash leaves either the old content or the new, never half of either. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes {@code data} to a temp file beside {@code target}, syncs it, then renames it over the target. */
    public static void write(Path target, byte[] data) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(data));
                ch.force(true);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code value} as JSON, atomically. */
    public static void writeJson(Path target, Object value) throws IOException {
        write(target, Json.MAPPER.writeValueAsBytes(value));
    }

    /** Renames {@code source} to {@code target} atomically, replacing the target. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Only happens across file systems, which the data root layout never does; fail loudly.
            throw new IOException("cannot rename " + source + " to " + target + " atomically", e);
        }
    }
}
