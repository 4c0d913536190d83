package dev.berth.runtime.container.run;

import dev.berth.runtime.container.model.Container;
import java.nio.file.Path;

/**
 * Mounting and unmounting containers' root filesystems: the seam between the container lifecycle and the mount
 * system calls ({@link RootFs} over overlayfs), so the lifecycle's rules can be tested without root.
 */
public interface ContainerRoots {
    /** Mounts the root filesystem of {@code c} (idempotent) and returns the directory it is mounted at. */
    Path mount(Container c, Path containerDir);

    /** Unmounts what {@link #mount} mounted for that container directory. */
    void unmount(Path containerDir);
}
