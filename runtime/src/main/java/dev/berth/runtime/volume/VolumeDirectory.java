package dev.berth.runtime.volume;

import dev.berth.runtime.common.TreeDeleter;

import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The on-disk layout {@code <root>/<name>/{volume.json,_data}}, changed only in ways a crash cannot half-do:
 * a volume is built in a hidden {@code .tmp-*} directory and renamed into place, and removed by renaming it
 * to a hidden {@code .trash-*} directory first; leftovers of both are cleared when the directory is opened.
 * Hidden names cannot clash with volumes, whose names start with a letter or digit.
 */
final class VolumeDirectory {
    private static final System.Logger LOG = System.getLogger("berth.volume");
    private static final String RECORD = "volume.json";
    private static final String DATA = "_data";
    private static final String TMP_PREFIX = ".tmp-";
    private static final String TRASH_PREFIX = ".trash-";

    private final Path root;

    VolumeDirectory(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
            clearLeftovers();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + root, e);
        }
    }

    Path root() {
        return root;
    }

    /** Where volume {@code name}'s content lives (and what a tmpfs or bind mount covers). */
    Path dataOf(String name) {
        return root.resolve(name).resolve(DATA);
    }

    /** Every volume on disk, sorted by name. */
    List<Volume> all() {
        List<Volume> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                if (VolumeNames.isValid(dir.getFileName().toString())) {
                    read(dir.getFileName().toString()).ifPresent(out::add);
                }
            }
        } catch (IOException e) {
            throw new EngineException("listing volumes in " + root + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Volume::name));
        return out;
    }

    /** The volume stored under {@code name} (a valid name), if any. */
    Optional<Volume> read(String name) {
        Path dir = root.resolve(name);
        Path data = dir.resolve(DATA);
        if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path recordFile = dir.resolve(RECORD);
        try {
            VolumeRecord r = Json.MAPPER.readValue(recordFile.toFile(), VolumeRecord.class);
            return Optional.of(new Volume(name, r.driver() == null ? Volume.LOCAL_DRIVER : r.driver(),
                    r.labels() == null ? Map.of() : r.labels(), r.options() == null ? Map.of() : r.options(),
                    Instant.parse(r.createdAt()), data));
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(dir)) {
                return Optional.empty(); // removed while we looked
            }
            // A directory with _data but no readable record (put there by hand, or by another tool): a plain
            // volume, as dockerd's local driver treats every directory under its root.
            if (Files.exists(recordFile)) {
                LOG.log(Level.WARNING, "volume " + name + ": unreadable " + RECORD + " (" + e.getMessage()
                        + "), treating it as a plain volume");
            }
            return Optional.of(new Volume(name, Volume.LOCAL_DRIVER, Map.of(), Map.of(), creationTime(dir), data));
        }
    }

    /** Puts a new volume in place with its record and an empty {@code _data}, all or nothing. */
    void write(Volume v) {
        Path tmp = root.resolve(TMP_PREFIX + VolumeNames.random());
        try {
            Files.createDirectories(tmp.resolve(DATA));
            AtomicFiles.writeJson(tmp.resolve(RECORD), new VolumeRecord(v.name(), v.driver(), v.labels(), v.options(),
                    v.createdAt().toString()));
            AtomicFiles.move(tmp, root.resolve(v.name()));
        } catch (IOException e) {
            deleteTree(tmp);
            throw new EngineException("creating volume " + v.name() + ": " + e.getMessage(), e);
        }
    }

    /** Removes a volume: after the rename it is gone for every reader, even if deleting its files fails. */
    void delete(Volume v) {
        Path trash = root.resolve(TRASH_PREFIX + VolumeNames.random());
        try {
            AtomicFiles.move(root.resolve(v.name()), trash);
        } catch (IOException e) {
            throw new EngineException("removing volume " + v.name() + ": " + e.getMessage(), e);
        }
        deleteTree(trash);
    }

    private void clearLeftovers() throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String n = dir.getFileName().toString();
                if (n.startsWith(TMP_PREFIX) || n.startsWith(TRASH_PREFIX)) {
                    LOG.log(Level.INFO, "removing leftover " + dir + " of an interrupted volume operation");
                    deleteTree(dir);
                }
            }
        }
    }

    private static Instant creationTime(Path dir) {
        try {
            return Files.readAttributes(dir, BasicFileAttributes.class).creationTime().toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Deletes a tree without following symlinks; what cannot be deleted is logged and left for the next start. */
    static void deleteTree(Path top) {
        try {
            TreeDeleter.delete(top);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete " + top + ": " + e.getMessage());
        }
    }
}
