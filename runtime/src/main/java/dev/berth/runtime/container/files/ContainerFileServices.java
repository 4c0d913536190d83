package dev.berth.runtime.container.files;

import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.linux.LibcFileSyscalls;

/** The services behind a container's files (archive in and out, changes and export, commit), wired once. */
public record ContainerFileServices(ContainerArchive archive, ContainerFilesystem filesystem,
        ContainerCommitter committer) {
    public static ContainerFileServices create(ContainerServices containers, ImageServices images, EventBus events) {
        LibcFileSyscalls sys = new LibcFileSyscalls();
        ContainerRootAccess roots = new ContainerRootAccess(containers.store(), containers.runner(),
                containers.rootFs(), sys);
        return new ContainerFileServices(new ContainerArchive(roots, sys),
                new ContainerFilesystem(containers, roots, images.layers(), new ChangeScanner(sys)),
                new ContainerCommitter(containers, images, events));
    }
}
