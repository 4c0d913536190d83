package dev.berth.runtime.build.cache;

import dev.berth.runtime.common.TreeDeleter;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.linux.FileSyscalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The directories of {@code RUN --mount=type=cache}, kept between builds under {@code <data-root>/build/cache-mounts},
 * one per cache id (the {@code id=} option, else the target path), as BuildKit keeps them. {@code sharing=locked} and
 * {@code private} let one step at a time use a directory; {@code shared} lets several. {@code docker builder prune}
 * removes the ones no step is using.
 */
public final class CacheMounts {
    /** One cache directory as {@code docker system df} lists it. */
    public record Usage(String id, String key, long size, boolean inUse, Instant created, Instant lastUsed,
            int usageCount) {}

    /** A cache directory lent to one step; {@link #close()} gives it back. */
    public record Lease(Path path, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

    private final Path dir;
    private final FileSyscalls sys;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> users = new ConcurrentHashMap<>();

    public CacheMounts(Path dataRoot, FileSyscalls sys) {
        this.dir = dataRoot.toAbsolutePath().resolve("build").resolve("cache-mounts");
        this.sys = sys;
    }

    /** Lends the directory of cache {@code id}, made with {@code mode} and owner {@code uid:gid} the first time. */
    public Lease acquire(String id, String sharing, int uid, int gid, int mode) {
        String hex = Digest.sha256(id.getBytes(StandardCharsets.UTF_8)).hex();
        ReentrantLock lock = "shared".equals(sharing) ? null : locks.computeIfAbsent(hex, k -> new ReentrantLock());
        if (lock != null) {
            lock.lock();
        }
        AtomicInteger count = users.computeIfAbsent(hex, k -> new AtomicInteger());
        count.incrementAndGet();
        try {
            Path entry = dir.resolve(hex);
            Path data = entry.resolve("data");
            if (!Files.isDirectory(data)) {
                Files.createDirectories(entry);
                Files.writeString(entry.resolve("id"), id);
                Path tmp = Files.createTempDirectory(entry, ".new-");
                sys.lchown(tmp, uid, gid);
                sys.chmod(tmp, mode);
                Files.move(tmp, data, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            Path stamp = entry.resolve("uses");
            int uses = Files.exists(stamp) ? parse(Files.readString(stamp)) : 0;
            Files.writeString(stamp, Integer.toString(uses + 1));
            return new Lease(data, () -> {
                count.decrementAndGet();
                if (lock != null) {
                    lock.unlock();
                }
            });
        } catch (IOException e) {
            count.decrementAndGet();
            if (lock != null) {
                lock.unlock();
            }
            throw new EngineException("cannot prepare the cache mount " + id + ": " + e.getMessage(), e);
        }
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Every cache directory with its size. */
    public List<Usage> usage() {
        List<Usage> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                Path data = entry.resolve("data");
                if (!Files.isDirectory(data)) {
                    continue;
                }
                String hex = entry.getFileName().toString();
                String id = Files.exists(entry.resolve("id")) ? Files.readString(entry.resolve("id")) : hex;
                int uses = Files.exists(entry.resolve("uses")) ? parse(Files.readString(entry.resolve("uses"))) : 0;
                BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class);
                FileTime last = Files.exists(entry.resolve("uses")) ? Files.getLastModifiedTime(entry.resolve("uses"))
                        : attrs.lastModifiedTime();
                AtomicInteger count = users.get(hex);
                out.add(new Usage(id, hex, sizeOf(data), count != null && count.get() > 0,
                        attrs.creationTime().toInstant(),
                        last.toInstant(), uses));
            }
        } catch (IOException e) {
            throw new EngineException("cannot list the build cache mounts: " + e.getMessage(), e);
        }
        return out;
    }

    /** Removes every cache directory not in use; returns the bytes freed. */
    public long prune() {
        long freed = 0;
        for (Usage u : usage()) {
            ReentrantLock lock = locks.computeIfAbsent(u.key(), k -> new ReentrantLock());
            AtomicInteger count = users.get(u.key());
            if ((count != null && count.get() > 0) || !lock.tryLock()) {
                continue;
            }
            try {
                TreeDeleter.delete(dir.resolve(u.key()));
                freed += u.size();
            } catch (IOException e) {
                throw new EngineException("cannot remove the cache mount " + u.id() + ": " + e.getMessage(), e);
            } finally {
                lock.unlock();
            }
        }
        return freed;
    }

    static long sizeOf(Path root) throws IOException {
        long[] total = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                total[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
