package dev.berth.runtime.api.volumes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of {@code POST /volumes/prune} (moby {@code volume.PruneReport}). */
public record VolumePruneJson(@JsonProperty("VolumesDeleted") List<String> volumesDeleted,
        @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}
