/**
 * Files inside containers: {@code docker cp} (archive stat/get/put), {@code docker diff}, {@code docker export}
 * and {@code docker commit}. Every path a client names is resolved inside the container's root by
 * {@link dev.berth.runtime.container.run.ContainerPaths}, never by the host kernel's symlink walk.
 */
package dev.berth.runtime.container.files;
