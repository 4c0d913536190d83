package dev.berth.runtime.container.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bookkeeping after conmon rotated a log (see the package comment): shift the rotated files, keep the
 * finished one as {@code .1}, link the new one. Each step is a rename or a link, so a crash in between loses
 * at most the oldest file, and the next {@link #settle} finishes the job.
 */
public final class LogRotation {
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();

    /**
     * Brings {@code files} up to date with what conmon did; true if it found a rotation. Safe to call often
     * (two stats when nothing changed) and from several threads.
     */
    public boolean settle(LogFiles files) {
        if (!files.keepsRotated()) {
            return false; // max-file=1: conmon's truncating rename is exactly docker's behaviour
        }
        synchronized (locks.computeIfAbsent(files.current(), k -> new Object())) {
            try {
                return settleLocked(files);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rotate " + files.current() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Forgets the lock of a log that is gone (its container was removed). */
    public void forget(LogFiles files) {
        locks.remove(files.current());
    }

    private static boolean settleLocked(LogFiles files) throws IOException {
        Object current = key(files.current());
        if (current == null) {
            return false; // conmon has not created it yet
        }
        Object held = key(files.live());
        if (Objects.equals(current, held)) {
            return false;
        }
        boolean rotated = held != null;
        if (rotated) {
            Files.deleteIfExists(files.rotated(files.maxFiles() - 1));
            for (int n = files.maxFiles() - 2; n >= 1; n--) {
                if (Files.exists(files.rotated(n), LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(files.rotated(n), files.rotated(n + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(files.live(), files.rotated(1), StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            // If conmon rotated again since the stat, this links the newer file; the one between is the
            // documented loss, and the next settle compares against what was linked.
            Files.createLink(files.live(), files.current());
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            // current vanished mid-rename (conmon's rename is atomic, so only a removal) or a racing settle
        }
        return rotated;
    }

    /** The identity (device and inode) of the file at {@code p}, or null when there is none. */
    static Object key(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
