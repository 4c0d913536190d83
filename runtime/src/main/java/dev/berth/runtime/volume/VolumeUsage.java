package dev.berth.runtime.volume;

import java.util.List;

/** Which containers use a volume; the container service answers, the volume store only asks. */
@FunctionalInterface
public interface VolumeUsage {
    /** Nobody uses any volume: the answer until containers exist. */
    VolumeUsage NONE = name -> List.of();

    /** IDs of the containers (running or not) that mount volume {@code name}; empty if none. */
    List<String> containersUsing(String name);

    /**
     * The same answers for many volumes at once, as of now. Listing every volume asked once per volume, and an
     * answer that scans every container made {@code GET /volumes} volumes × containers; an index built once is
     * linear. Not for checks that must see a container created a moment later (prune asks live, under its lock).
     */
    default VolumeUsage snapshot() {
        return this;
    }
}
