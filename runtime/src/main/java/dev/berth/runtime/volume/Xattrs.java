package dev.berth.runtime.volume;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The few libc calls copy-up needs and Java lacks: extended attributes without following symlinks
 * (Java's UserDefinedFileAttributeView reaches only {@code user.*}, not {@code security.capability}),
 * and mknod for device nodes and fifos.
 */
final class Xattrs {
    /** libc, with errno turned into LastErrorException. */
    interface LibC extends Library {
        long llistxattr(String path, byte[] list, long size) throws LastErrorException;

        long lgetxattr(String path, String name, byte[] value, long size) throws LastErrorException;

        int lsetxattr(String path, String name, byte[] value, long size, int flags) throws LastErrorException;

        int mknod(String path, int mode, long dev) throws LastErrorException;

        /** {@code times} is two struct timespec: {atime sec, atime nsec, mtime sec, mtime nsec}. */
        int utimensat(int dirfd, String path, long[] times, int flags) throws LastErrorException;
    }

    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;

    private static final LibC LIBC = Native.load("c", LibC.class);

    private Xattrs() {}

    /** Names of the extended attributes of {@code path} itself (not a symlink's target); empty if unsupported. */
    static List<String> list(Path path) {
        String p = path.toString();
        try {
            long size = LIBC.llistxattr(p, null, 0);
            if (size <= 0) {
                return List.of();
            }
            byte[] buf = new byte[(int) size];
            long n = LIBC.llistxattr(p, buf, buf.length);
            List<String> names = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == 0) {
                    names.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return names;
        } catch (LastErrorException e) {
            return List.of(); // ENOTSUP and friends: nothing to copy
        }
    }

    /** The value of one attribute, or null if it cannot be read. */
    static byte[] get(Path path, String name) {
        String p = path.toString();
        try {
            long size = LIBC.lgetxattr(p, name, null, 0);
            byte[] buf = new byte[(int) Math.max(size, 0)];
            long n = LIBC.lgetxattr(p, name, buf, buf.length);
            return n == buf.length ? buf : java.util.Arrays.copyOf(buf, (int) n);
        } catch (LastErrorException e) {
            return null;
        }
    }

    /** Sets one attribute; false if the file system or our privileges refuse it. */
    static boolean set(Path path, String name, byte[] value) {
        try {
            LIBC.lsetxattr(path.toString(), name, value, value.length, 0);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    /**
     * Sets access and modification times of {@code path} itself by name. Java's setTimes opens the file first,
     * which blocks forever on a fifo and fails on a symlink.
     */
    static void setTimes(Path path, java.nio.file.attribute.FileTime atime, java.nio.file.attribute.FileTime mtime)
            throws java.io.IOException {
        java.time.Instant a = atime.toInstant();
        java.time.Instant m = mtime.toInstant();
        long[] times = {a.getEpochSecond(), a.getNano(), m.getEpochSecond(), m.getNano()};
        try {
            LIBC.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW);
        } catch (LastErrorException e) {
            throw new java.io.IOException("utimensat " + path + ": errno " + e.getErrorCode());
        }
    }

    /** Creates a device node or fifo with the full {@code st_mode} (type bits included) and {@code st_rdev}. */
    static void mknod(Path path, int mode, long rdev) throws java.io.IOException {
        try {
            LIBC.mknod(path.toString(), mode, rdev);
        } catch (LastErrorException e) {
            throw new java.io.IOException("mknod " + path + ": errno " + e.getErrorCode());
        }
    }
}
