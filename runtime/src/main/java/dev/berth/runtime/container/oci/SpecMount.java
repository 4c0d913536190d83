package dev.berth.runtime.container.oci;

/**
 * One mount the user asked for: a bind (host path or a volume's directory) or a tmpfs.
 * {@code propagation} is one of private, rprivate (default), shared, rshared, slave, rslave, or null.
 */
public record SpecMount(Kind kind, String source, String destination, boolean readOnly, String propagation,
        String tmpfsOptions) {

    /** What backs the mount. */
    public enum Kind { BIND, VOLUME, TMPFS }

    /** A bind mount of a host path. */
    public static SpecMount bind(String source, String destination, boolean readOnly) {
        return new SpecMount(Kind.BIND, source, destination, readOnly, null, null);
    }

    /** A named volume, already resolved to its {@code _data} directory by the volume service. */
    public static SpecMount volume(String dataDir, String destination, boolean readOnly) {
        return new SpecMount(Kind.VOLUME, dataDir, destination, readOnly, null, null);
    }

    /** A tmpfs with mount options such as "size=64m,mode=1777" (may be null). */
    public static SpecMount tmpfs(String destination, String options) {
        return new SpecMount(Kind.TMPFS, "tmpfs", destination, false, null, options);
    }
}
