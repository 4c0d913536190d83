package dev.berth.runtime.api.volumes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The body of {@code POST /volumes/create} (moby {@code volume.CreateOptions}). */
public record VolumeCreateBody(
        @JsonProperty("Name") String name,
        @JsonProperty("Driver") String driver,
        @JsonProperty("DriverOpts") Map<String, String> driverOpts,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("ClusterVolumeSpec") JsonNode clusterVolumeSpec) {}
