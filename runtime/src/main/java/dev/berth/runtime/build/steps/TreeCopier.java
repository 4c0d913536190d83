package dev.berth.runtime.build.steps;

import dev.berth.runtime.build.context.SourceTree;
import dev.berth.runtime.linux.FileSyscalls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies files, links and directory trees out of a {@link SourceTree} onto the host without ever following a link at
 * the destination: an entry in the way that is not a directory (a file, or a link even to a directory) is replaced,
 * as moby's tar-based copy does. Permission bits, times and extended attributes come along; owners come from the
 * source or are set.
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

    /** Copies {@code e} to {@code dst}; an existing directory at {@code dst} is merged into, keeping its own attributes. */
    void copy(SourceTree tree, SourceTree.Entry e, Path dst, Attrs attrs) throws IOException {
        if (e.isDirectory()) {
            boolean existed = Files.isDirectory(dst, LinkOption.NOFOLLOW_LINKS);
            if (!existed) {
                deleteTree(dst);
                Files.createDirectory(dst);
            }
            copyChildren(tree, e, dst, attrs);
            if (!existed) {
                apply(tree, e, dst, attrs);
            }
            return;
        }
        deleteTree(dst);
        switch (e.kind()) {
            case FILE -> {
                try (InputStream in = tree.open(e)) {
                    Files.copy(in, dst);
                }
            }
            case SYMLINK -> Files.createSymbolicLink(dst, Path.of(e.linkTarget()));
            default -> {
                if ((e.mode() & FileSyscalls.S_IFMT) == FileSyscalls.S_IFSOCK) {
                    return; // sockets are not files to copy
                }
                sys.mknod(dst, e.mode(), e.rdev());
            }
        }
        apply(tree, e, dst, attrs);
    }

    /** Copies what is inside directory {@code dir} into the existing directory {@code dstDir}. */
    void copyChildren(SourceTree tree, SourceTree.Entry dir, Path dstDir, Attrs attrs) throws IOException {
        for (SourceTree.Entry child : tree.children(dir)) {
            copy(tree, child, dstDir.resolve(child.name()), attrs);
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

    private void apply(SourceTree tree, SourceTree.Entry e, Path dst, Attrs attrs) throws IOException {
        boolean link = e.kind() == SourceTree.Kind.SYMLINK;
        int uid = attrs.owner() != null ? attrs.owner()[0] : e.uid();
        int gid = attrs.owner() != null ? attrs.owner()[1] : e.gid();
        sys.lchown(dst, uid, gid);
        if (!link) {
            // After chown, which clears setuid, setgid and file capabilities; so the xattrs come last.
            sys.chmod(dst, attrs.mode() != null ? attrs.mode() : e.mode() & 07777);
            for (Map.Entry<String, byte[]> x : tree.xattrs(e).entrySet()) {
                sys.lsetxattr(dst, x.getKey(), x.getValue());
            }
        }
        sys.lutimes(dst, e.mtime(), e.mtime());
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
