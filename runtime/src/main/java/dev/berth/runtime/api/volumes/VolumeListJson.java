package dev.berth.runtime.api.volumes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of {@code GET /volumes} (moby {@code volume.ListResponse}). */
public record VolumeListJson(@JsonProperty("Volumes") List<VolumeJson> volumes,
        @JsonProperty("Warnings") List<String> warnings) {}
