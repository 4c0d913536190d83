package dev.berth.app.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Downloads (a tar from the engine unpacked into a local folder) and uploads (a local file packed as a tar). */
public final class ArchiveTransfer {
    private ArchiveTransfer() {}

    /**
     * Unpacks {@code tarStream} under {@code target}: a file becomes {@code target/name}, a folder the tree under
     * {@code target/name/}. Entries that would land outside {@code target} (absolute, {@code ..}) are refused;
     * symlinks are not recreated (they point into the container, not this machine).
     */
    public static int extract(InputStream tarStream, Path target) throws IOException {
        Path base = target.toAbsolutePath().normalize();
        int files = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(tarStream)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path out = base.resolve(e.getName()).normalize();
                if (!out.startsWith(base) || out.equals(base) && !e.isDirectory()) {
                    throw new IOException("refusing archive entry outside the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    files++;
                }
            }
        }
        return files;
    }

    /** Packs one local file as a tar with a single entry named after it, ready for {@code PUT archive}. */
    public static void packFile(Path file, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), file.getFileName().toString());
            tar.putArchiveEntry(entry);
            Files.copy(file, tar);
            tar.closeArchiveEntry();
        }
    }
}
