package dev.berth.runtime.api.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The body of {@code GET /version}, in moby's {@code types.Version} shape. */
public record VersionResponse(
        @JsonProperty("Platform") Platform platform,
        @JsonProperty("Components") List<Component> components,
        @JsonProperty("Version") String version,
        @JsonProperty("ApiVersion") String apiVersion,
        @JsonProperty("MinAPIVersion") String minApiVersion,
        @JsonProperty("GitCommit") String gitCommit,
        @JsonProperty("GoVersion") String goVersion,
        @JsonProperty("Os") String os,
        @JsonProperty("Arch") String arch,
        @JsonProperty("KernelVersion") String kernelVersion,
        @JsonProperty("BuildTime") String buildTime) {

    /** The product name the CLI prints after "Server:". */
    public record Platform(@JsonProperty("Name") String name) {}

    /** One server component; the CLI prints "Engine" specially and the others by name. */
    public record Component(@JsonProperty("Name") String name, @JsonProperty("Version") String version,
            @JsonProperty("Details") Map<String, String> details) {}
}
