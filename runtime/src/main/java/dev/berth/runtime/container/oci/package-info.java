/**
 * The layer under the container service that talks OCI.
 *
 * <p>A container is a <em>bundle</em> — a directory with {@code config.json} — handed to a runtime binary.
 * {@link dev.berth.runtime.container.oci.OciSpecBuilder} writes that {@code config.json} from
 * {@link dev.berth.runtime.container.oci.ContainerSpecOptions} with Docker's defaults (14 capabilities, masked
 * and read-only /proc paths, /dev, /dev/pts, /dev/shm, /sys read-only, device rules, RLIMIT_NOFILE capped at
 * the host's hard limit). {@link dev.berth.runtime.container.oci.OciRuntime} drives the runtime's CLI
 * ({@code create/start/state/kill/delete/exec/pause/resume/update/ps}); runc and crun share it.
 * {@link dev.berth.runtime.container.oci.RuntimeSelector} picks one after a real probe (crun refuses hybrid
 * cgroup hosts), and {@link dev.berth.runtime.container.oci.MissingRuntime} stands in when none works.
 * Processes are not run from here: the monitor package puts conmon between the engine and the runtime.
 */
package dev.berth.runtime.container.oci;
