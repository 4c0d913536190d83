package dev.berth.runtime.container.files;

import java.util.List;
import java.util.Set;

/**
 * The paths the OCI runtime and the engine create in a container's upper directory as mount points (/dev, /proc,
 * /sys, the /etc files the engine manages). dockerd keeps them in an "init" layer below the container's own, so
 * {@code docker diff} never lists them; berthd has no such layer and leaves them out of the changes instead.
 */
final class RuntimeMountPoints {
    private static final Set<String> PATHS = Set.of("/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/dev/console",
            "/proc", "/sys", "/.dockerenv", "/etc/resolv.conf", "/etc/hosts", "/etc/hostname", "/etc/mtab");

    private RuntimeMountPoints() {}

    /** {@code changes} without the mount points, and without directories changed only because one was made in them. */
    static List<Change> leftOut(List<Change> changes) {
        List<Change> own = changes.stream().filter(c -> !PATHS.contains(c.path())).toList();
        return own.stream()
                .filter(c -> c.kind() != Change.MODIFIED || !PATHS.stream().anyMatch(p -> p.startsWith(c.path() + "/"))
                        || own.stream().anyMatch(o -> o.path().startsWith(c.path() + "/")))
                .toList();
    }
}
