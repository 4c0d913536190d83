package dev.berth.runtime.container.model;

/**
 * A mount resolved at create time, in inspect's {@code Mounts} shape: a named or anonymous volume, a bind
 * from the host, or a tmpfs.
 */
public record MountPoint(String type, String name, String source, String destination, String driver, String mode,
                         boolean rw, String propagation) {}
