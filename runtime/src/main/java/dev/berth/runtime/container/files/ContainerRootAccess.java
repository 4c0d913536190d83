package dev.berth.runtime.container.files;

import dev.berth.runtime.container.lifecycle.ContainerRunner;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.MountPoint;
import dev.berth.runtime.container.run.ContainerPaths;
import dev.berth.runtime.container.run.RootFs;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.linux.MountSyscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lends out a container's root filesystem as a host directory. A running container is seen through
 * {@code /proc/<pid>/root}, so its volumes and bind mounts are there as the container sees them, and is frozen
 * meanwhile (see {@link #withRoot}). A container that
 * is not running (created, exited) has its overlay mounted for the duration under the container's lock, so a
 * concurrent start cannot race it, and unmounted after unless it was mounted already; for {@link #withRoot} its volumes
 * and bind mounts are bound in at their destinations meanwhile (read-only ones read-only), as dockerd shows them.
 */
public final class ContainerRootAccess {
    private final ContainerStore store;
    private final ContainerRunner runner;
    private final RootFs rootFs;
    private final MountSyscalls mounts;

    public ContainerRootAccess(ContainerStore store, ContainerRunner runner, RootFs rootFs, MountSyscalls mounts) {
        this.store = store;
        this.runner = runner;
        this.rootFs = rootFs;
        this.mounts = mounts;
    }

    /** Work on a container's root; the root is valid only inside {@code work}. */
    @FunctionalInterface
    public interface RootWork<T> {
        T apply(Container c, Path root) throws IOException;
    }

    /**
     * Runs {@code work} on the root as the container's processes see it (mounts included when running). A running
     * container is frozen for the duration, under its lock, as dockerd does since CVE-2018-15664: path checks and
     * the file operations after them happen in separate steps, and a process inside could otherwise swap a checked
     * directory for a symlink in between and make the engine read or write outside the container.
     */
    public <T> T withRoot(String idOrName, RootWork<T> work) {
        Container first = store.resolve(idOrName);
        if (!first.state().isRunning()) {
            return withMergedRoot(first.id(), (c, root) -> withVolumes(c, root, work));
        }
        ReentrantLock lock = runner.lock(first.id());
        lock.lock();
        try {
            Container c = store.resolve(first.id());
            if (!c.state().isRunning() || c.state().pid() <= 0) {
                return withMergedRoot(c.id(), (x, root) -> withVolumes(x, root, work)); // stopped meanwhile; re-entrant lock
            }
            boolean freeze = !c.state().isPaused();
            if (freeze) {
                runner.runtime().pause(c.id());
            }
            try {
                return run(work, c, Path.of("/proc", Long.toString(c.state().pid()), "root"));
            } finally {
                if (freeze) {
                    runner.runtime().resume(c.id());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} on the overlay's merged dir: the container's own filesystem without volumes or /proc. */
    public <T> T withMergedRoot(String idOrName, RootWork<T> work) {
        Container first = store.resolve(idOrName);
        if (first.state().isRunning()) {
            // Mounted while it runs; no lock, so a long read never holds up stop or kill.
            return run(work, first, RootFs.merged(store.dir(first.id())));
        }
        ReentrantLock lock = runner.lock(first.id());
        lock.lock();
        try {
            Container c = store.resolve(first.id());
            Path dir = store.dir(c.id());
            boolean wasMounted = RootFs.isMounted(RootFs.merged(dir));
            Path merged = rootFs.mount(c, dir);
            try {
                return run(work, c, merged);
            } finally {
                if (!wasMounted && !store.resolve(c.id()).state().isRunning()) {
                    rootFs.unmount(dir);
                }
            }
        } catch (IOException e) {
            throw new EngineException("cannot read the mounts of container " + first.shortId() + ": " + e.getMessage(),
                    e);
        } finally {
            lock.unlock();
        }
    }

    private static final long MS_RDONLY = 1;
    private static final long MS_REMOUNT = 32;
    private static final long MS_BIND = 4096;
    private static final long MS_REC = 16384;

    /** Runs {@code work} with the container's volumes and binds bound in at their destinations under {@code root}. */
    private <T> T withVolumes(Container c, Path root, RootWork<T> work) throws IOException {
        java.util.Deque<Path> bound = new java.util.ArrayDeque<>();
        try {
            List<MountPoint> byDepth = c.mounts().stream()
                    .filter(m -> m.type().equals("volume") || m.type().equals("bind"))
                    .sorted(java.util.Comparator.comparingInt(m -> m.destination().split("/").length)).toList();
            for (MountPoint m : byDepth) {
                Path source;
                try {
                    source = m.mountSource();
                } catch (dev.berth.runtime.errors.InvalidArgumentException e) {
                    continue; // a subpath that went away: as for a bind, a copy just does not see it
                }
                if (!Files.exists(source)) {
                    continue; // a bind whose source went away: the start would fail; a copy just does not see it
                }
                Path target = ContainerPaths.resolve(root, m.destination(), true);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target.getParent());
                    Files.createFile(target);
                }
                mounts.mount(source.toString(), target, null, MS_BIND | MS_REC, null);
                bound.push(target);
                if (!m.rw()) {
                    mounts.mount(null, target, null, MS_BIND | MS_REMOUNT | MS_RDONLY, null);
                }
            }
            return work.apply(c, root);
        } finally {
            while (!bound.isEmpty()) {
                Path target = bound.pop();
                try {
                    mounts.umount2(target, MountSyscalls.MNT_DETACH);
                } catch (IOException e) {
                    System.getLogger(ContainerRootAccess.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot unbind " + target + " of container " + c.shortId() + ": " + e.getMessage());
                }
            }
        }
    }

    private static <T> T run(RootWork<T> work, Container c, Path root) {
        try {
            return work.apply(c, root);
        } catch (IOException e) {
            throw new EngineException("file operation in container " + c.shortId() + " failed: " + e.getMessage(), e);
        }
    }
}
