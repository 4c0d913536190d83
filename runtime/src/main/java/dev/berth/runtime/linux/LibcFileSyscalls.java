package dev.berth.runtime.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link FileSyscalls} and {@link MountSyscalls} through JNA calls into glibc (64-bit Linux only: size_t,
 * time_t and unsigned long are Java longs).
 */
public final class LibcFileSyscalls implements FileSyscalls, MountSyscalls {
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 02000000;
    private static final int ENODATA = 61;
    private static final int ERANGE = 34;

    /** The glibc symbols used here; each sets errno, which JNA turns into LastErrorException. */
    interface C extends Library {
        int mknod(String path, int mode, long dev) throws LastErrorException;
        int lchown(String path, int uid, int gid) throws LastErrorException;
        int chmod(String path, int mode) throws LastErrorException;
        int lsetxattr(String path, String name, byte[] value, long size, int flags) throws LastErrorException;
        long llistxattr(String path, byte[] list, long size) throws LastErrorException;
        int lremovexattr(String path, String name) throws LastErrorException;
        long lgetxattr(String path, String name, byte[] value, long size) throws LastErrorException;
        int utimensat(int dirfd, String path, long[] times, int flags) throws LastErrorException;
        int open(String path, int flags) throws LastErrorException;
        int syncfs(int fd) throws LastErrorException;
        int close(int fd) throws LastErrorException;
        int mount(String source, String target, String fsType, long flags, String data) throws LastErrorException;
        int umount2(String target, int flags) throws LastErrorException;
        String strerror(int errnum);
    }

    private static final class Holder {
        static final C C = Native.load("c", C.class);
    }

    private static C c() {
        return Holder.C;
    }

    /** Turns an errno into an IOException naming the call and the path, e.g. "mknod /x: Operation not permitted". */
    static FileSyscallsException failure(String call, Object path, LastErrorException e) {
        String reason;
        try {
            reason = c().strerror(e.getErrorCode());
        } catch (RuntimeException | LinkageError ignored) {
            reason = "errno " + e.getErrorCode();
        }
        return new FileSyscallsException(call + " " + path + ": " + reason + " (errno " + e.getErrorCode() + ")",
                e.getErrorCode(), e);
    }

    @Override
    public void mknod(Path path, int mode, long dev) throws IOException {
        try {
            c().mknod(path.toString(), mode, dev);
        } catch (LastErrorException e) {
            throw failure("mknod", path, e);
        }
    }

    @Override
    public void lchown(Path path, int uid, int gid) throws IOException {
        try {
            c().lchown(path.toString(), uid, gid);
        } catch (LastErrorException e) {
            throw failure("lchown", path, e);
        }
    }

    @Override
    public void chmod(Path path, int mode) throws IOException {
        try {
            c().chmod(path.toString(), mode & 07777);
        } catch (LastErrorException e) {
            throw failure("chmod", path, e);
        }
    }

    @Override
    public void lsetxattr(Path path, String name, byte[] value) throws IOException {
        try {
            c().lsetxattr(path.toString(), name, value, value.length, 0);
        } catch (LastErrorException e) {
            throw failure("lsetxattr " + name + " on", path, e);
        }
    }

    @Override
    public void lremovexattr(Path path, String name) throws IOException {
        try {
            c().lremovexattr(path.toString(), name);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != ENODATA) {
                throw failure("lremovexattr " + name + " of", path, e);
            }
        }
    }

    @Override
    public List<String> llistxattr(Path path) throws IOException {
        byte[] buf = readGrowing(path, "llistxattr", null);
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < buf.length; i++) {
            if (buf[i] == 0) {
                if (i > start) {
                    names.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return names;
    }

    @Override
    public Optional<byte[]> lgetxattr(Path path, String name) throws IOException {
        return Optional.ofNullable(readGrowing(path, "lgetxattr " + name + " of", name));
    }

    /**
     * Asks for the size, then reads; retries if the value grew in between (ERANGE), as getfattr does.
     * Returns null when the attribute does not exist (ENODATA).
     */
    private static byte[] readGrowing(Path path, String call, String attribute) throws IOException {
        String p = path.toString();
        for (int attempt = 0;; attempt++) {
            try {
                long size = attribute == null ? c().llistxattr(p, null, 0) : c().lgetxattr(p, attribute, null, 0);
                byte[] buf = new byte[(int) size];
                long got = size == 0 ? 0
                        : attribute == null ? c().llistxattr(p, buf, size) : c().lgetxattr(p, attribute, buf, size);
                return got == size ? buf : java.util.Arrays.copyOf(buf, (int) got);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == ENODATA && attribute != null) {
                    return null;
                }
                if (e.getErrorCode() != ERANGE || attempt > 3) {
                    throw failure(call, path, e);
                }
            }
        }
    }

    @Override
    public void lutimes(Path path, Instant atime, Instant mtime) throws IOException {
        long[] times = {atime.getEpochSecond(), atime.getNano(), mtime.getEpochSecond(), mtime.getNano()};
        try {
            c().utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW);
        } catch (LastErrorException e) {
            throw failure("utimensat", path, e);
        }
    }

    @Override
    public Stat lstat(Path path) throws IOException {
        return statOf(path);
    }

    /** lstat through the JDK's "unix" attribute view, which already exposes every field needed. */
    static Stat statOf(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
        return new Stat((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("size"),
                (Long) a.get("rdev"), (Long) a.get("dev"), (Long) a.get("ino"), (Integer) a.get("nlink"),
                ((FileTime) a.get("lastModifiedTime")).toInstant());
    }

    @Override
    public void syncfs(Path path) throws IOException {
        int fd;
        try {
            fd = c().open(path.toString(), O_RDONLY | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw failure("open", path, e);
        }
        try {
            c().syncfs(fd);
        } catch (LastErrorException e) {
            throw failure("syncfs", path, e);
        } finally {
            try {
                c().close(fd);
            } catch (LastErrorException ignored) {
                // close after syncfs cannot lose data; nothing to do.
            }
        }
    }

    @Override
    public void mount(String source, Path target, String fsType, long flags, String data) throws IOException {
        try {
            c().mount(source, target.toString(), fsType, flags, data);
        } catch (LastErrorException e) {
            throw failure("mount " + fsType + " on", target, e);
        }
    }

    @Override
    public void umount2(Path target, int flags) throws IOException {
        try {
            c().umount2(target.toString(), flags);
        } catch (LastErrorException e) {
            throw failure("umount2", target, e);
        }
    }
}
