package dev.berth.runtime.build.context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files a build copies from, read the same way whether they sit in the context's tar ({@link TarTree}) or in a
 * mounted stage or image ({@link DirectoryTree}): paths are resolved as a container resolves them, so a symlink can
 * never lead out of the tree.
 */
public interface SourceTree {
    /** The kinds of entry. */
    enum Kind { FILE, DIR, SYMLINK, OTHER }

    /**
     * One entry.
     *
     * @param path  its path in the tree, {@code /}-separated, without a leading slash; {@code ""} is the root
     * @param mode  permission bits with setuid, setgid and sticky; for OTHER also the file type bits
     * @param rdev  the device number of a device node
     */
    record Entry(String path, Kind kind, int mode, int uid, int gid, long size, Instant mtime, String linkTarget,
            long rdev) {
        /** The last path element. */
        public String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        public boolean isDirectory() {
            return kind == Kind.DIR;
        }
    }

    /** The entry at {@code path}; symlinks are followed inside the tree, the last element only if {@code followLast}. */
    Optional<Entry> lookup(String path, boolean followLast);

    /** A directory's entries, sorted by name. */
    List<Entry> children(Entry dir);

    /** A file's content. */
    InputStream open(Entry file) throws IOException;

    /** The SHA-256 of a file's content, hex. */
    String digest(Entry file);

    /** Extended attributes worth copying (none for a context). */
    Map<String, byte[]> xattrs(Entry entry) throws IOException;

    /** The entry as a host path, when the tree is a directory on the host; empty for a tar. */
    Optional<Path> hostPath(Entry entry);
}
