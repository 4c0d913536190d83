package dev.berth.runtime.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link FileSyscalls} for tests without root: it records every call, creates whiteouts and device nodes
 * as empty regular files, and remembers the metadata it was asked to set per inode (so it survives renames
 * and is shared by hard links), which {@link #lstat} then reports as if the kernel had applied it.
 */
public final class FileSyscallsFake implements FileSyscalls {
    /** One recorded call. */
    public record Call(String name, Path path, String detail) {}

    private record Meta(Integer type, Integer permissions, Integer uid, Integer gid, Long rdev, Instant mtime) {
        static final Meta NONE = new Meta(null, null, null, null, null, null);
    }

    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<Object, Meta> meta = new HashMap<>();
    private final Map<Object, Map<String, byte[]>> xattrs = new HashMap<>();

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Calls of one kind whose path ends with {@code suffix}. */
    public List<Call> calls(String name, String suffix) {
        return calls().stream().filter(c -> c.name().equals(name) && c.path().toString().endsWith(suffix)).toList();
    }

    private static Object inode(Path path) throws IOException {
        return Files.readAttributes(path, "unix:ino,dev", LinkOption.NOFOLLOW_LINKS).values().stream().toList()
                .toString();
    }

    private synchronized void update(Path path, java.util.function.UnaryOperator<Meta> change) throws IOException {
        meta.merge(inode(path), change.apply(Meta.NONE), (old, ignored) -> change.apply(old));
    }

    @Override
    public void mknod(Path path, int mode, long dev) throws IOException {
        calls.add(new Call("mknod", path, String.format("mode=%o dev=%d", mode, dev)));
        Files.createFile(path); // fails like EEXIST if anything is there, symlinks included
        update(path, m -> new Meta(mode & S_IFMT, mode & 07777, m.uid(), m.gid(), dev, m.mtime()));
    }

    @Override
    public void lchown(Path path, int uid, int gid) throws IOException {
        calls.add(new Call("lchown", path, uid + ":" + gid));
        update(path, m -> new Meta(m.type(), m.permissions(), uid, gid, m.rdev(), m.mtime()));
    }

    @Override
    public void chmod(Path path, int mode) throws IOException {
        calls.add(new Call("chmod", path, Integer.toOctalString(mode)));
        if (Files.isSymbolicLink(path)) {
            throw new IOException("chmod would follow the symlink " + path);
        }
        update(path, m -> new Meta(m.type(), mode & 07777, m.uid(), m.gid(), m.rdev(), m.mtime()));
    }

    @Override
    public synchronized void lsetxattr(Path path, String name, byte[] value) throws IOException {
        calls.add(new Call("lsetxattr", path,
                name + "=" + new String(value, java.nio.charset.StandardCharsets.ISO_8859_1)));
        xattrs.computeIfAbsent(inode(path), k -> new LinkedHashMap<>()).put(name, value.clone());
    }

    @Override
    public synchronized void lremovexattr(Path path, String name) throws IOException {
        calls.add(new Call("lremovexattr", path, name));
        xattrs.getOrDefault(inode(path), new LinkedHashMap<>()).remove(name);
    }

    @Override
    public synchronized List<String> llistxattr(Path path) throws IOException {
        return List.copyOf(xattrs.getOrDefault(inode(path), Map.of()).keySet());
    }

    @Override
    public synchronized Optional<byte[]> lgetxattr(Path path, String name) throws IOException {
        return Optional.ofNullable(xattrs.getOrDefault(inode(path), Map.of()).get(name)).map(byte[]::clone);
    }

    @Override
    public void lutimes(Path path, Instant atime, Instant mtime) throws IOException {
        calls.add(new Call("lutimes", path, mtime.toString()));
        update(path, m -> new Meta(m.type(), m.permissions(), m.uid(), m.gid(), m.rdev(), mtime));
    }

    @Override
    public synchronized Stat lstat(Path path) throws IOException {
        Stat real = LibcFileSyscalls.statOf(path);
        Meta m = meta.getOrDefault(inode(path), Meta.NONE);
        int type = m.type() != null ? m.type() : real.type();
        int perms = m.permissions() != null ? m.permissions() : real.permissions();
        return new Stat(type | perms, m.uid() != null ? m.uid() : real.uid(), m.gid() != null ? m.gid() : real.gid(),
                real.size(), m.rdev() != null ? m.rdev() : real.rdev(), real.dev(), real.ino(), real.nlink(),
                m.mtime() != null ? m.mtime() : real.mtime());
    }

    @Override
    public void syncfs(Path path) {
        calls.add(new Call("syncfs", path, ""));
    }
}
