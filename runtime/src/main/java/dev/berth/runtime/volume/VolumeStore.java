package dev.berth.runtime.volume;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.events.EventBus;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Named volumes of the local driver under {@code <data-root>/volumes}: Docker's rules for names, options,
 * idempotent creation, removal of volumes in use and pruning, with events for each change. Operations on one
 * name are serialised; the disk ({@link VolumeDirectory}, crash-safe) is the only state.
 */
public final class VolumeStore {
    private static final System.Logger LOG = System.getLogger("berth.volume");

    private final VolumeDirectory disk;
    private final EventBus events;
    private final VolumeUsage usage;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicBoolean pruning = new AtomicBoolean();

    /** A store whose volumes nobody uses yet (before containers exist). */
    public VolumeStore(Path dataRoot, EventBus events) {
        this(dataRoot, events, VolumeUsage.NONE);
    }

    /** A store under {@code dataRoot/volumes} that asks {@code usage} which containers use a volume. */
    public VolumeStore(Path dataRoot, EventBus events, VolumeUsage usage) {
        this.disk = new VolumeDirectory(dataRoot.toAbsolutePath().resolve("volumes"));
        this.events = events;
        this.usage = usage;
    }

    /** The directory holding every volume. */
    public Path root() {
        return disk.root();
    }

    /**
     * Creates a volume, or returns the existing one of that name as dockerd does. An existing volume conflicts
     * only if the request names driver options that differ from its own: a bare create (as {@code docker run -v
     * name:/path} makes implicitly) always gets the volume back. Labels of an existing volume are kept.
     */
    public Volume create(CreateRequest request) {
        boolean anonymous = request.name() == null || request.name().isEmpty();
        String name = anonymous ? VolumeNames.random() : request.name();
        VolumeNames.validate(name);
        String driver = request.driver() == null || request.driver().isEmpty() ? Volume.LOCAL_DRIVER : request.driver();
        if (!driver.equals(Volume.LOCAL_DRIVER)) {
            throw new NotFoundException(
                    "error looking up volume plugin " + driver + ": plugin \"" + driver + "\" not found");
        }
        LocalDriverOptions.validate(request.options());
        Map<String, String> labels = new HashMap<>(request.labels());
        if (anonymous) {
            labels.put(Volume.ANONYMOUS_LABEL, "");
        }
        synchronized (lockFor(name)) {
            Optional<Volume> existing = find(name);
            if (existing.isPresent()) {
                Volume v = existing.get();
                if (!request.options().isEmpty() && !request.options().equals(v.options())) {
                    throw new ConflictException("volume name must be unique: volume \"" + name
                            + "\" already exists with driver options " + v.options() + ", not "
                            + new TreeMap<>(request.options()));
                }
                return v;
            }
            Volume created = new Volume(name, driver, labels, request.options(), Instant.now(), disk.dataOf(name));
            disk.write(created);
            events.publish("volume", "create", name, Map.of("driver", driver));
            return created;
        }
    }

    /** The volume called {@code name}; NotFoundException (dockerd's "no such volume") if there is none. */
    public Volume get(String name) {
        return find(name).orElseThrow(() -> noSuchVolume(name));
    }

    /** The volume called {@code name}, if any; invalid names simply do not exist. */
    public Optional<Volume> find(String name) {
        if (!VolumeNames.isValid(name)) {
            return Optional.empty();
        }
        return disk.read(name);
    }

    /** Volumes passing {@code query}, sorted by name. */
    public List<Volume> list(VolumeQuery query) {
        List<Volume> out = new ArrayList<>();
        VolumeUsage now = usage.snapshot();
        for (Volume v : disk.all()) {
            if (query.matches(v, now.containersUsing(v.name()))) {
                out.add(v);
            }
        }
        return out;
    }

    /** IDs of the containers using volume {@code name}. */
    public List<String> usersOf(String name) {
        return usage.containersUsing(name);
    }

    /**
     * Removes a volume and its data. A volume in use is a ConflictException even with {@code force} (as in
     * dockerd, where force only forgives a volume that does not exist, or whose driver fails).
     */
    public void remove(String name, boolean force) {
        synchronized (lockFor(name)) {
            Optional<Volume> v = find(name);
            if (v.isEmpty()) {
                if (force) {
                    return;
                }
                throw noSuchVolume(name);
            }
            List<String> users = usage.containersUsing(name);
            if (!users.isEmpty()) {
                throw new ConflictException(
                        "remove " + name + ": volume is in use - [" + String.join(", ", users) + "]");
            }
            delete(v.get());
        }
    }

    /**
     * Removes the unused, option-less local volumes that {@code request} selects (moby skips volumes with mount
     * options: removing them frees nothing here). One prune at a time, as in dockerd.
     */
    public PruneReport prune(PruneRequest request) {
        if (!pruning.compareAndSet(false, true)) {
            throw new ConflictException("a prune operation is already running");
        }
        try {
            List<String> deleted = new ArrayList<>();
            long reclaimed = 0;
            for (Volume v : disk.all()) {
                if (v.needsMount() || !v.driver().equals(Volume.LOCAL_DRIVER) || !request.selects(v)) {
                    continue;
                }
                synchronized (lockFor(v.name())) {
                    // Usage is checked under the lock so that a container created meanwhile keeps its volume.
                    if (find(v.name()).isEmpty() || !usage.containersUsing(v.name()).isEmpty()) {
                        continue;
                    }
                    long size = sizeOrZero(v);
                    try {
                        delete(v);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "prune: cannot remove volume " + v.name() + ": " + e.getMessage());
                        continue;
                    }
                    deleted.add(v.name());
                    reclaimed += size;
                }
            }
            // dockerd's prune event has no actor, only the bytes reclaimed.
            events.publish("volume", "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
            return new PruneReport(deleted, reclaimed);
        } finally {
            pruning.set(false);
        }
    }

    /**
     * What the container service must mount onto the volume's mountpoint before use, or empty for a plain
     * volume. Checked at use time (a bind source may appear after the volume was created, as with dockerd).
     */
    public Optional<MountSpec> mountSpec(String name) {
        Volume v = get(name);
        return v.needsMount() ? Optional.of(LocalDriverOptions.mountSpec(v.options(), v.mountpoint()))
                : Optional.empty();
    }

    /**
     * Docker's copy-up: fills an empty volume with what the image has at the mount path, {@code imageDir}
     * (a directory of the container's root file system). Does nothing, and returns false, if the volume already
     * has content or {@code imageDir} is not a directory. A volume with mount options must be mounted first, so
     * that the content lands in the mounted file system. A failed copy leaves the volume empty again.
     */
    public boolean seedFrom(String name, Path imageDir) {
        synchronized (lockFor(name)) {
            Volume v = get(name);
            if (!Files.isDirectory(imageDir, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Path data = v.mountpoint();
            try {
                if (!isEmptyDir(data)) {
                    return false;
                }
                CopyUp.copy(imageDir, data);
                return true;
            } catch (IOException e) {
                clearContent(data);
                throw new EngineException("copying " + imageDir + " into volume " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /** Every option-less local volume with the bytes under its {@code _data} and its user count, for {@code /system/df}. */
    public List<VolumeUsageData> diskUsage() {
        List<VolumeUsageData> out = new ArrayList<>();
        VolumeUsage now = usage.snapshot();
        for (Volume v : disk.all()) {
            if (!v.needsMount()) {
                out.add(new VolumeUsageData(v, sizeOf(v), now.containersUsing(v.name()).size()));
            }
        }
        return out;
    }

    private void delete(Volume v) {
        if (v.needsMount() && MountTable.isMountPoint(v.mountpoint())) {
            // Deleting through a live bind mount would destroy the host directory behind it.
            throw new ConflictException("remove " + v.name() + ": volume is still mounted at " + v.mountpoint());
        }
        disk.delete(v);
        events.publish("volume", "destroy", v.name(), Map.of("driver", v.driver()));
    }

    private Object lockFor(String name) {
        return locks.computeIfAbsent(name, k -> new Object());
    }

    private long sizeOf(Volume v) {
        try {
            return DirectorySize.of(v.mountpoint());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot determine the size of volume " + v.name() + ": " + e.getMessage());
            return -1; // dockerd reports -1 for an unknown size
        }
    }

    private long sizeOrZero(Volume v) {
        return Math.max(0, sizeOf(v));
    }

    private static NotFoundException noSuchVolume(String name) {
        return new NotFoundException("get " + name + ": no such volume");
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    private static void clearContent(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                VolumeDirectory.deleteTree(p);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot empty " + dir + " after a failed copy: " + e.getMessage());
        }
    }
}
