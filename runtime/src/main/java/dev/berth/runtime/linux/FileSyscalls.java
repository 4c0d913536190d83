package dev.berth.runtime.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The file-system calls plain Java cannot make: device nodes, ownership and times of symlinks, setuid
 * bits, {@code trusted.*} xattrs and syncfs. Every call acts on the link itself, never on what a
 * symlink points to, so that unpacking a layer can never be tricked into writing outside it.
 * {@link LibcFileSyscalls} is the real implementation; tests use a recording fake.
 */
public interface FileSyscalls {
    /** File type bits of {@code st_mode} (see inode(7)). */
    int S_IFMT = 0170000, S_IFSOCK = 0140000, S_IFLNK = 0120000, S_IFREG = 0100000, S_IFBLK = 0060000,
            S_IFDIR = 0040000, S_IFCHR = 0020000, S_IFIFO = 0010000;

    /** What {@code lstat(2)} reports about a path, without following a final symlink. */
    record Stat(int mode, int uid, int gid, long size, long rdev, long dev, long ino, int nlink, Instant mtime) {
        /** Just the type bits of the mode. */
        public int type() {
            return mode & S_IFMT;
        }
        /** Permission bits including setuid, setgid and sticky. */
        public int permissions() {
            return mode & 07777;
        }
        public boolean isDirectory() {
            return type() == S_IFDIR;
        }
        public boolean isRegularFile() {
            return type() == S_IFREG;
        }
        public boolean isSymlink() {
            return type() == S_IFLNK;
        }
        /** An overlayfs whiteout: a character device with device number 0/0. */
        public boolean isWhiteout() {
            return type() == S_IFCHR && rdev == 0;
        }
    }

    /** The device number glibc's {@code makedev(3)} builds from a major and a minor. */
    static long makedev(long major, long minor) {
        return ((major & 0xfffL) << 8) | (minor & 0xffL) | ((major & ~0xfffL) << 32) | ((minor & ~0xffL) << 12);
    }

    /** The major number of a device number ({@code major(3)}). */
    static long major(long dev) {
        return ((dev >>> 8) & 0xfffL) | ((dev >>> 32) & ~0xfffL);
    }

    /** The minor number of a device number ({@code minor(3)}). */
    static long minor(long dev) {
        return (dev & 0xffL) | ((dev >>> 12) & ~0xffL);
    }

    /** {@code mknod(2)}: creates a device node, FIFO or (with mode S_IFCHR and dev 0) an overlay whiteout. */
    void mknod(Path path, int mode, long dev) throws IOException;

    /** {@code lchown(2)}: numeric owner of the path itself (a symlink is not followed). */
    void lchown(Path path, int uid, int gid) throws IOException;

    /** {@code chmod(2)} with all 12 permission bits, which Java's PosixFilePermission cannot express. Never call on a symlink. */
    void chmod(Path path, int mode) throws IOException;

    /** {@code lsetxattr(2)}: any namespace, including {@code trusted.*} (needs CAP_SYS_ADMIN). */
    void lsetxattr(Path path, String name, byte[] value) throws IOException;

    /** {@code llistxattr(2)}: the names of the path's extended attributes. */
    List<String> llistxattr(Path path) throws IOException;

    /** {@code lremovexattr(2)}: removes an extended attribute; an absent one is not an error. */
    void lremovexattr(Path path, String name) throws IOException;

    /** {@code lgetxattr(2)}: one extended attribute, empty if the path does not have it. */
    Optional<byte[]> lgetxattr(Path path, String name) throws IOException;

    /** {@code utimensat(AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW)}: times of the path itself, with nanoseconds. */
    void lutimes(Path path, Instant atime, Instant mtime) throws IOException;

    /** {@code lstat(2)}. */
    Stat lstat(Path path) throws IOException;

    /** {@code syncfs(2)}: flushes the whole file system holding {@code path} to disk. */
    void syncfs(Path path) throws IOException;
}
