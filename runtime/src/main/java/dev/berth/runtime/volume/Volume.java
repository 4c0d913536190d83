package dev.berth.runtime.volume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A volume as the engine sees it: its name, driver, labels, driver options, creation time and data directory. */
public record Volume(String name, String driver, Map<String, String> labels, Map<String, String> options,
        Instant createdAt, Path mountpoint) {
    /** The only driver berthd has, as Docker's default. */
    public static final String LOCAL_DRIVER = "local";
    /** Label that marks a volume created without a name (moby's {@code AnonymousLabel}). */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";
    /** Local volumes live on this host only. */
    public static final String SCOPE = "local";

    public Volume {
        // Sorted copies: stable JSON and equality that does not depend on the client's map order.
        labels = Map.copyOf(new TreeMap<>(labels));
        options = Map.copyOf(new TreeMap<>(options));
    }

    /** True if it was created without a name (and so is what a default {@code volume prune} removes). */
    public boolean anonymous() {
        return labels.containsKey(ANONYMOUS_LABEL);
    }

    /** True if something must be mounted onto the mountpoint before use (tmpfs, bind). */
    public boolean needsMount() {
        return !options.isEmpty();
    }
}
