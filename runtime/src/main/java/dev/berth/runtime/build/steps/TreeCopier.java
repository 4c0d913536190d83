package dev.berth.runtime.build.steps;

import dev.berth.runtime.linux.FileSyscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies files, links and directory trees on the host without ever following a link at the destination: an entry in
 * the way that is not a directory (a file, or a link even to a directory) is replaced, as moby's tar-based copy does.
 * Permission bits, times and extended attributes come along; owners come from the source or are set.
 */
final class TreeCopier {
    /** How copied entries are owned and moded: a fixed owner or null (keep the source's), a fixed mode or null. */
    record Attrs(int[] owner, Integer mode) {
        static final Attrs KEEP = new Attrs(null, null);
    }

    private final FileSyscalls sys;

    TreeCopier(FileSyscalls sys) {
        this.sys = sys;
    }

    /** An exact copy of {@code src} at {@code dst}. */
    void copyTree(Path src, Path dst) throws IOException {
        copy(src, dst, Attrs.KEEP);
    }

    /** Copies {@code src} to {@code dst}; an existing directory at {@code dst} is merged into, keeping its own attributes. */
    void copy(Path src, Path dst, Attrs attrs) throws IOException {
        FileSyscalls.Stat st = sys.lstat(src);
        if (st.isDirectory()) {
            boolean existed = Files.isDirectory(dst, LinkOption.NOFOLLOW_LINKS);
            if (!existed) {
                deleteTree(dst);
                Files.createDirectory(dst);
            }
            copyChildren(src, dst, attrs);
            if (!existed) {
                apply(src, dst, st, attrs);
            }
            return;
        }
        deleteTree(dst);
        if (st.isRegularFile()) {
            Files.copy(src, dst, LinkOption.NOFOLLOW_LINKS);
        } else if (st.isSymlink()) {
            Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
        } else if (st.type() == FileSyscalls.S_IFSOCK) {
            return; // sockets are not files to copy
        } else {
            sys.mknod(dst, st.mode(), st.rdev());
        }
        apply(src, dst, st, attrs);
    }

    /** Copies what is inside {@code srcDir} into the existing directory {@code dstDir}. */
    void copyChildren(Path srcDir, Path dstDir, Attrs attrs) throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(srcDir)) {
            children = s.sorted().toList();
        }
        for (Path child : children) {
            copy(child, dstDir.resolve(child.getFileName().toString()), attrs);
        }
    }

    /** Writes {@code content} as a new file at {@code dst} (replacing what is there) with the given attributes. */
    void write(byte[] content, Path dst, int[] owner, int mode, java.time.Instant mtime) throws IOException {
        deleteTree(dst);
        Files.write(dst, content);
        sys.lchown(dst, owner[0], owner[1]);
        sys.chmod(dst, mode);
        sys.lutimes(dst, mtime, mtime);
    }

    private void apply(Path src, Path dst, FileSyscalls.Stat st, Attrs attrs) throws IOException {
        boolean link = st.isSymlink();
        int uid = attrs.owner() != null ? attrs.owner()[0] : st.uid();
        int gid = attrs.owner() != null ? attrs.owner()[1] : st.gid();
        sys.lchown(dst, uid, gid);
        if (!link) {
            // After chown, which clears setuid, setgid and file capabilities; so the xattrs come last.
            sys.chmod(dst, attrs.mode() != null ? attrs.mode() : st.permissions());
            for (String name : sys.llistxattr(src)) {
                if (!name.startsWith("trusted.")) {
                    var value = sys.lgetxattr(src, name);
                    if (value.isPresent()) {
                        sys.lsetxattr(dst, name, value.get());
                    }
                }
            }
        }
        sys.lutimes(dst, st.mtime(), st.mtime());
    }

    /** Removes a file, link or tree if present, never following links. */
    static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(p)) {
                for (Path c : children.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
