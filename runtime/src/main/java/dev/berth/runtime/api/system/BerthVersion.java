package dev.berth.runtime.api.system;

/** Berth's own version, and the dockerd release whose API berthd implements. */
public final class BerthVersion {
    /**
     * The moby release whose Engine API (1.51) berthd implements, reported as the engine version: clients
     * gate features on it (Testcontainers requires at least 1.6.0), so Berth's own 0.x would mislead them.
     */
    public static final String ENGINE_COMPAT_VERSION = "28.5.2";

    private static final String FALLBACK = "0.1.0-SNAPSHOT";

    private BerthVersion() {}

    /** Berth's version, from the jar manifest when packaged, else the source tree's. */
    public static String version() {
        String v = BerthVersion.class.getPackage().getImplementationVersion();
        return v == null ? FALLBACK : v;
    }

    /** The commit built, when the build recorded it. */
    public static String gitCommit() {
        String v = System.getProperty("berth.gitCommit");
        return v == null ? "unknown" : v;
    }

    /** When the running classes were built: the modification time of the jar or classes directory. */
    public static String buildTime() {
        try {
            java.nio.file.Path where = java.nio.file.Path.of(
                    BerthVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return java.nio.file.Files.getLastModifiedTime(where).toInstant().toString();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** "Java 25.0.1 (Eclipse Adoptium)": berthd's equivalent of dockerd's GoVersion. */
    public static String javaVersion() {
        return "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")";
    }
}
