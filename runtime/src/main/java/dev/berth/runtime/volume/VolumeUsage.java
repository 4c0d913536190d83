package dev.berth.runtime.volume;

import java.util.List;

/** Which containers use a volume; the container service answers, the volume store only asks. */
@FunctionalInterface
public interface VolumeUsage {
    /** Nobody uses any volume: the answer until containers exist. */
    VolumeUsage NONE = name -> List.of();

    /** IDs of the containers (running or not) that mount volume {@code name}; empty if none. */
    List<String> containersUsing(String name);
}
