package dev.berth.app.dashboard;

import dev.berth.app.engine.DiskUsage;
import dev.berth.app.engine.EngineVersion;
import java.util.List;

/** Everything the dashboard shows, read in one go. */
public record DashboardSnapshot(EngineVersion version, int running, int stopped, int images, int volumes, int networks,
        DiskUsage disk, List<BusyContainer> busiest) {
    public DashboardSnapshot {
        busiest = List.copyOf(busiest);
    }

    /** Bytes a prune of stopped containers, unused images and build cache would free (volumes hold data: apart). */
    public long reclaimableWithoutVolumes() {
        return disk.containers().reclaimableBytes() + disk.images().reclaimableBytes()
                + disk.buildCache().reclaimableBytes();
    }
}
