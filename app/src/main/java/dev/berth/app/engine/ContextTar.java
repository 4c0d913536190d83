package dev.berth.app.engine;

import dev.berth.dockerfile.ignore.DockerIgnore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A build context as the docker CLI makes it: the folder's files as a tar, less what {@code .dockerignore} leaves out
 * (moby's pattern rules, from the shared {@code berth-dockerfile} module), but always with the Dockerfile and
 * {@code .dockerignore} themselves (the engine drops those if they are ignored). Owners become root, as the CLI sends
 * them; symlinks stay links; sockets are skipped. Streamed, never held in memory.
 */
final class ContextTar {
    private ContextTar() {}

    /** Writes the context of {@code dir}, whose Dockerfile is {@code dockerfile} (a path inside it), to {@code out}. */
    static void write(Path dir, String dockerfile, OutputStream out) throws IOException {
        Path ignoreFile = dir.resolve(".dockerignore");
        DockerIgnore ignore = Files.isRegularFile(ignoreFile)
                ? DockerIgnore.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8)) : DockerIgnore.none();
        Set<String> always = Set.of(clean(dockerfile), ".dockerignore");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out),
                StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            walk(dir, dir, ignore, always, tar);
        }
    }

    private static void walk(Path root, Path dir, DockerIgnore ignore, Set<String> always, TarArchiveOutputStream tar)
            throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        }
        for (Path p : children) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            boolean keep = always.contains(rel) || !ignore.ignored(rel);
            boolean isDir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            if (!keep && !(isDir && ignore.mayIncludeBelow(rel))) {
                continue;
            }
            if (keep) {
                add(p, rel, tar);
            }
            if (isDir) {
                walk(root, p, ignore, always, tar);
            }
        }
    }

    private static void add(Path p, String rel, TarArchiveOutputStream tar) throws IOException {
        PosixFileAttributes attrs = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry e;
        if (attrs.isSymbolicLink()) {
            e = new TarArchiveEntry(rel, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(Files.readSymbolicLink(p).toString());
        } else if (attrs.isDirectory()) {
            e = new TarArchiveEntry(rel + "/");
        } else if (attrs.isRegularFile()) {
            e = new TarArchiveEntry(rel);
            e.setSize(attrs.size());
        } else {
            return; // sockets, FIFOs and devices have no place in a context
        }
        e.setMode(mode(p, attrs));
        e.setModTime(attrs.lastModifiedTime());
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("");
        e.setGroupName("");
        tar.putArchiveEntry(e);
        if (attrs.isRegularFile()) {
            Files.copy(p, tar);
        }
        tar.closeArchiveEntry();
    }

    /** Permission bits with setuid, setgid and sticky where the file system tells them (unix:mode), else rwx only. */
    private static int mode(Path p, PosixFileAttributes attrs) {
        try {
            return ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 07777;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            int mode = 0;
            for (PosixFilePermission perm : attrs.permissions()) {
                mode |= 1 << (8 - perm.ordinal());
            }
            return mode;
        }
    }

    private static String clean(String path) {
        return dev.berth.dockerfile.ignore.PathGlob.clean(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The caller owns the stream: closing the tar only finishes it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
