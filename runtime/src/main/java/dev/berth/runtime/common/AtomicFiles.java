package dev.berth.runtime.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a crash, even a power cut, leaves either the old content or the new, never half of either:
 * containerd's discipline — write a temp file beside the target, fsync it, rename it over the target, fsync the
 * directory (without that last step a power cut can forget the rename).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes {@code data} to a temp file beside {@code target}, syncs it, then renames it over the target. */
    public static void write(Path target, byte[] data) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
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

    /** Renames {@code source} to {@code target} atomically, replacing the target, and makes the rename durable. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Only happens across file systems, which the data root layout never does; fail loudly.
            throw new IOException("cannot rename " + source + " to " + target + " atomically", e);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Persists the names in {@code dir} (a rename, a new entry): a power cut can otherwise forget them. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems refuse fsync on a directory; the rename itself has happened.
            System.getLogger(AtomicFiles.class.getName()).log(System.Logger.Level.DEBUG, "cannot sync directory " + dir,
                    e);
        }
    }
}
