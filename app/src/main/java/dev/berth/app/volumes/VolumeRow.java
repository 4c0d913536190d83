package dev.berth.app.volumes;

import java.util.List;

/** One volume with the names of the containers that mount it. */
public record VolumeRow(String name, String driver, String mountpoint, List<String> usedBy) {
    public VolumeRow {
        usedBy = List.copyOf(usedBy);
    }

    public boolean inUse() {
        return !usedBy.isEmpty();
    }
}
