/**
 * An X-ray of one running container: what "a container" is made of, read from the kernel, not from our records.
 *
 * <p>A container is ordinary host processes. They sit in a cgroup (so the host can list them in
 * {@code cgroup.procs} and cap what they use), they run in their own namespaces (so their PID 1 is some other number
 * on the host, see {@code NSpid} in {@code /proc/<pid>/status}; a namespace is named by the inode behind
 * {@code /proc/<pid>/ns/<type>}), they see an overlay mount as their root (the image's layers read-only below, the
 * container's own upper dir on top) and they hold a reduced set of capabilities, usually under a seccomp filter.
 * {@link dev.berth.runtime.container.xray.ContainerXRay} gathers all of that into one
 * {@link dev.berth.runtime.container.xray.XRay}; each part has its own small reader that takes a {@code /proc} or
 * {@code /sys/fs/cgroup} root, so the parsing is tested on fixture trees.
 */
package dev.berth.runtime.container.xray;
