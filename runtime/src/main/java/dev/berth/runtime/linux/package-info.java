/**
 * The Linux calls plain Java cannot make, through JNA and behind interfaces so the logic above them is testable without root:
 * mounts, device nodes, xattrs, posix_spawn with chosen fds, seqpacket sockets, cgroup paths, signals and limits.
 */
package dev.berth.runtime.linux;
