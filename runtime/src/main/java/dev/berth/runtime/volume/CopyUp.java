package dev.berth.runtime.volume;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies a directory tree the way dockerd seeds a volume from an image (moby {@code CopyDir} in
 * {@code copyExistingContents}): regular files, directories, symlinks (not followed), hard links kept as
 * links, fifos and device nodes; owners, modes (set-id bits too), {@code user.*} and
 * {@code security.capability} attributes and timestamps. The source root's owner and mode go to the target root.
 */
final class CopyUp {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private CopyUp() {}

    /** Copies the content of {@code source} into the existing directory {@code target}. */
    static void copy(Path source, Path target) throws IOException {
        Map<Object, Path> linked = new HashMap<>();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(source)) {
                    Files.createDirectory(destOf(dir));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path dest = destOf(file);
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(dest, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    int links = (Integer) Files.getAttribute(file, "unix:nlink", NOFOLLOW);
                    Path first = links > 1 ? linked.putIfAbsent(attrs.fileKey(), dest) : null;
                    if (first != null) {
                        Files.createLink(dest, first); // the inode's metadata is already copied
                        return FileVisitResult.CONTINUE;
                    }
                    Files.copy(file, dest, NOFOLLOW);
                } else {
                    int mode = (Integer) Files.getAttribute(file, "unix:mode", NOFOLLOW);
                    if ((mode & S_IFMT) == S_IFSOCK) {
                        return FileVisitResult.CONTINUE; // a socket is only meaningful to the process that bound it
                    }
                    Xattrs.mknod(dest, mode & (S_IFMT | 07777), (Long) Files.getAttribute(file, "unix:rdev", NOFOLLOW));
                }
                copyMetadata(file, dest, attrs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                // Last, so that creating the children does not bump the directory's times again.
                copyMetadata(dir, destOf(dir), Files.readAttributes(dir, BasicFileAttributes.class, NOFOLLOW));
                return FileVisitResult.CONTINUE;
            }

            private Path destOf(Path p) {
                return target.resolve(source.relativize(p).toString());
            }
        });
    }

    /** Owner, then mode (chown clears set-id bits), then xattrs (chown clears capabilities), then times. */
    private static void copyMetadata(Path src, Path dest, BasicFileAttributes attrs) throws IOException {
        try {
            Files.setAttribute(dest, "unix:uid", Files.getAttribute(src, "unix:uid", NOFOLLOW), NOFOLLOW);
            Files.setAttribute(dest, "unix:gid", Files.getAttribute(src, "unix:gid", NOFOLLOW), NOFOLLOW);
        } catch (IOException e) {
            // Without CAP_CHOWN (rootless) files stay ours, as with a rootless dockerd.
        }
        if (!attrs.isSymbolicLink()) {
            int mode = (Integer) Files.getAttribute(src, "unix:mode", NOFOLLOW);
            Files.setAttribute(dest, "unix:mode", mode & 07777);
        }
        for (String name : Xattrs.list(src)) {
            // Not trusted.* / security.selinux: those belong to the source file system (overlay's own
            // trusted.overlay.* would corrupt a volume) or to the labeller, as moby copies only capabilities.
            if (name.startsWith("user.") || name.equals("security.capability")) {
                byte[] value = Xattrs.get(src, name);
                if (value != null) {
                    Xattrs.set(dest, name, value);
                }
            }
        }
        try {
            Xattrs.setTimes(dest, attrs.lastAccessTime(), attrs.lastModifiedTime());
        } catch (IOException e) {
            if (!attrs.isSymbolicLink()) {
                throw e;
            }
            // Some file systems cannot set a symlink's own times; the link still works.
        }
    }
}
