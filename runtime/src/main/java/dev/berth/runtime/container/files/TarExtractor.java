package dev.berth.runtime.container.files;

import dev.berth.runtime.container.run.ContainerPaths;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.linux.FileSyscalls;
import dev.berth.runtime.linux.FileSyscalls.Stat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts a {@code docker cp} tar into a directory of a container's root. Every entry is placed by resolving its
 * parent inside the container root ({@link ContainerPaths}) and must stay under the extraction directory: names
 * with {@code ..}, absolute names, and entries reaching out through a symlink (one from the archive or one already
 * in the container) are refused with a 400 before anything is written for them.
 *
 * @param root       the container's root as a host dir
 * @param target     the extraction directory as a container path, already resolved (no symlinks)
 * @param owner      numeric owner for every entry, or empty to keep the tar's (docker cp -a)
 * @param noOverwriteDirNonDir refuse to replace a directory with a non-directory or the other way round
 */
public record TarExtractor(FileSyscalls sys, Path root, String target, Optional<int[]> owner,
        boolean noOverwriteDirNonDir) {

    private record DirTime(Path dir, Instant mtime) {}

    /** Reads the whole tar from {@code in} and writes it out. */
    public void extract(InputStream in) throws IOException {
        Path targetHost = ContainerPaths.resolve(root, target, true);
        List<DirTime> dirTimes = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8");
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            List<String> parts = checkedName(e.getName());
            if (parts.isEmpty()) {
                continue; // "./": the extraction directory itself, which exists
            }
            Path parent = parentOf(e.getName(), parts.subList(0, parts.size() - 1), targetHost);
            Path dest = parent.resolve(parts.getLast());
            Optional<Stat> existing = lstat(dest);
            if (existing.isPresent()) {
                boolean oldDir = existing.get().isDirectory();
                if (oldDir && e.isDirectory()) {
                    apply(dest, e, false);
                    dirTimes.add(new DirTime(dest, e.getLastModifiedTime().toInstant()));
                    continue;
                }
                if (noOverwriteDirNonDir && oldDir != e.isDirectory()) {
                    throw new InvalidArgumentException("cannot overwrite " + (oldDir ? "directory " : "non-directory ")
                            + ContainerPaths.toContainerPath(root, dest) + " with "
                            + (oldDir ? "non-directory " : "directory ") + e.getName());
                }
                // A later entry wins, as in dockerd; the replaced tree's directories get no times set afterwards.
                dirTimes.removeIf(d -> d.dir().startsWith(dest));
                deleteTree(dest);
            }
            create(dest, e, tar, targetHost);
            if (e.isDirectory()) {
                dirTimes.add(new DirTime(dest, e.getLastModifiedTime().toInstant()));
            }
        }
        // Directory times last: writing their children changed them.
        for (DirTime d : dirTimes.reversed()) {
            sys.lutimes(d.dir(), d.mtime(), d.mtime());
        }
    }

    /**
     * The host directory an entry goes into, made (0755) where the tar names a file in a directory it does not
     * carry itself, as dockerd's extraction does (Testcontainers sends {@code www/note.txt} alone). Each step is
     * resolved inside the container root and must stay under the extraction directory.
     */
    private Path parentOf(String entry, List<String> dirs, Path targetHost) throws IOException {
        Path dir = targetHost;
        for (int i = 1; i <= dirs.size(); i++) {
            dir = ContainerPaths.resolve(root, target + "/" + String.join("/", dirs.subList(0, i)), true);
            if (!dir.startsWith(targetHost)) {
                throw new InvalidArgumentException(
                        "tar entry " + entry + " leads out of " + target + " through a symbolic link");
            }
            if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(dir);
                } catch (NoSuchFileException e) {
                    // A symlink in the way leads to a directory that is not there (dockerd fails here too).
                    throw new InvalidArgumentException("tar entry " + entry + ": "
                            + ContainerPaths.toContainerPath(root, dir) + " cannot be made, its parent is missing");
                }
                sys.lchown(dir, owner.map(o -> o[0]).orElse(0), owner.map(o -> o[1]).orElse(0));
                sys.chmod(dir, 0755);
            } else if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidArgumentException("tar entry " + entry + ": its parent is not a directory");
            }
        }
        return dir;
    }

    /** The entry's name as components; refuses absolute names and {@code ..}. */
    static List<String> checkedName(String name) {
        if (name.startsWith("/")) {
            throw new InvalidArgumentException("tar entry " + name + " has an absolute path");
        }
        List<String> parts = ContainerPaths.split(name);
        if (parts.contains("..")) {
            throw new InvalidArgumentException("tar entry " + name + " escapes the extraction directory with ..");
        }
        return parts;
    }

    private void create(Path dest, TarArchiveEntry e, InputStream content, Path targetHost) throws IOException {
        if (e.isDirectory()) {
            Files.createDirectory(dest);
        } else if (e.isSymbolicLink()) {
            if (e.getLinkName().isEmpty()) {
                // The kernel refuses an empty target (ENOENT): say so instead of failing the copy with a bare error.
                throw new InvalidArgumentException("tar entry " + e.getName() + " is a symbolic link to nothing");
            }
            // Creating a link is harmless: links are only ever followed inside the container root.
            Files.createSymbolicLink(dest, Path.of(e.getLinkName()));
        } else if (e.isLink()) {
            List<String> linkParts = checkedName(e.getLinkName());
            Path source = ContainerPaths.resolve(root, target + "/" + String.join("/", linkParts), false);
            if (!source.startsWith(targetHost)
                    || !Files.isRegularFile(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidArgumentException(
                        "hard link " + e.getName() + " points outside the archive: " + e.getLinkName());
            }
            Files.createLink(dest, source);
            return;
        } else if (e.isFile()) {
            try (OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                content.transferTo(out);
            }
        } else if (e.isFIFO()) {
            sys.mknod(dest, FileSyscalls.S_IFIFO | (e.getMode() & 07777), 0);
        } else if (e.isCharacterDevice() || e.isBlockDevice()) {
            int type = e.isCharacterDevice() ? FileSyscalls.S_IFCHR : FileSyscalls.S_IFBLK;
            sys.mknod(dest, type | (e.getMode() & 07777), FileSyscalls.makedev(e.getDevMajor(), e.getDevMinor()));
        } else {
            throw new InvalidArgumentException(
                    "tar entry " + e.getName() + " has an unsupported type " + (char) e.getLinkFlag());
        }
        apply(dest, e, e.isSymbolicLink());
    }

    private void apply(Path dest, TarArchiveEntry e, boolean symlink) throws IOException {
        int uid = owner.map(o -> o[0]).orElse((int) e.getLongUserId());
        int gid = owner.map(o -> o[1]).orElse((int) e.getLongGroupId());
        sys.lchown(dest, uid, gid);
        if (!symlink) {
            // After chown, which clears setuid/setgid bits.
            sys.chmod(dest, e.getMode() & 07777);
        }
        if (!e.isDirectory()) {
            Instant t = e.getLastModifiedTime().toInstant();
            sys.lutimes(dest, t, t);
        }
    }

    /** Removes a file or a whole tree, never following symlinks. */
    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(p)) {
                for (Path c : children.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.delete(p);
    }

    private Optional<Stat> lstat(Path p) throws IOException {
        try {
            return Optional.of(sys.lstat(p));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
