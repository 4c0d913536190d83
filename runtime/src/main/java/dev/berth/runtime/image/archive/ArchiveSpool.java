package dev.berth.runtime.image.archive;

import dev.berth.runtime.image.content.LayerCompression;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks an uploaded image archive ({@code docker load}) into a scratch directory, refusing any entry
 * that would land outside it: absolute names, {@code ..}, and links pointing out. Only files,
 * directories and links inside are kept; an image archive needs nothing else.
 */
final class ArchiveSpool {
    private ArchiveSpool() {}

    /** Extracts {@code archive} (plain, gzip or zstd tar) into the empty directory {@code root}. */
    static void extract(InputStream archive, Path root) throws IOException {
        Path base = root.toRealPath();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(LayerCompression.decompress(archive))) {
            TarArchiveEntry e;
            boolean any = false;
            while ((e = tar.getNextEntry()) != null) {
                any = true;
                try {
                    spool(tar, e, base);
                } catch (java.nio.file.FileSystemException clash) {
                    // An entry that contradicts an earlier one (a file where a directory was, a link to nothing):
                    // the archive is wrong, not the disk.
                    throw new InvalidArgumentException("invalid image archive: cannot unpack " + e.getName() + ": "
                            + clash.getClass().getSimpleName().replace("Exception", "") + " " + clash.getFile());
                }
            }
            if (!any) {
                throw new InvalidArgumentException("invalid image archive: it is empty or not a tar file");
            }
        }
    }

    private static void spool(TarArchiveInputStream tar, TarArchiveEntry e, Path base) throws IOException {
        Path target = inside(base, e.getName());
        if (e.isDirectory()) {
            Files.createDirectories(target);
        } else if (e.isSymbolicLink()) {
            Path linkTarget = target.getParent().resolve(e.getLinkName()).normalize();
            if (!linkTarget.startsWith(base) || Path.of(e.getLinkName()).isAbsolute()) {
                throw new InvalidArgumentException(
                        "invalid image archive: link " + e.getName() + " points outside the archive");
            }
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else if (e.isLink()) {
            // The source is read through whatever links the archive made: only its real path tells where it is
            // (a link to "d/../x" with d a link to "." is lexically inside and really outside).
            Path source = inside(base, e.getLinkName()).toRealPath();
            if (!source.startsWith(base) || !Files.isRegularFile(source)) {
                throw new InvalidArgumentException("invalid image archive: hard link " + e.getName() + " to "
                        + e.getLinkName() + " does not name a file of the archive");
            }
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } else if (e.isFile()) {
            Files.createDirectories(target.getParent());
            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The entry's path under {@code base}, or an error if it would escape (no parent may be a link either). */
    static Path inside(Path base, String name) throws IOException {
        String clean = name.startsWith("./") ? name.substring(2) : name;
        if (clean.startsWith("/") || clean.isEmpty() && !name.equals("./")) {
            throw new InvalidArgumentException("invalid image archive: absolute path " + name);
        }
        Path target = base.resolve(clean).normalize();
        if (!target.startsWith(base)) {
            throw new InvalidArgumentException("invalid image archive: path " + name + " escapes the archive");
        }
        for (Path p = target.getParent(); p != null && !p.equals(base); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new InvalidArgumentException("invalid image archive: path " + name + " goes through a link");
            }
        }
        return target;
    }

    /** Reads a file of the spooled archive, following in-archive links but never out of it. */
    static Path resolve(Path root, String name) throws IOException {
        Path base = root.toRealPath();
        Path p = inside(base, name);
        if (!Files.exists(p)) {
            throw new InvalidArgumentException("invalid image archive: " + name + " is missing");
        }
        Path real = p.toRealPath();
        if (!real.startsWith(base)) {
            throw new InvalidArgumentException("invalid image archive: " + name + " points outside the archive");
        }
        return real;
    }
}
