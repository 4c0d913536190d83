package dev.berth.runtime.image.oci;

import dev.berth.runtime.digest.Digest;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An image configuration (OCI config.md, Docker's image JSON). The raw bytes stay in the content store,
 * because the image ID is their digest; this record is the parsed view the engine works with.
 */
public record ImageConfig(
        String created,
        String author,
        String architecture,
        String os,
        String variant,
        @JsonProperty("os.version") String osVersion,
        RunConfig config,
        RootFs rootfs,
        List<History> history,
        @JsonProperty("docker_version") String dockerVersion,
        String comment) {

    /** The defaults a container starts with ({@code config} in the image JSON; Docker's field names). */
    public record RunConfig(
            @JsonProperty("User") String user,
            @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
            @JsonProperty("Env") List<String> env,
            @JsonProperty("Entrypoint") List<String> entrypoint,
            @JsonProperty("Cmd") List<String> cmd,
            @JsonProperty("Volumes") Map<String, Object> volumes,
            @JsonProperty("WorkingDir") String workingDir,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("StopSignal") String stopSignal,
            @JsonProperty("Healthcheck") Map<String, Object> healthcheck,
            @JsonProperty("OnBuild") List<String> onBuild,
            @JsonProperty("Shell") List<String> shell,
            @JsonProperty("ArgsEscaped") Boolean argsEscaped) {}

    /** The layer list as uncompressed-tar digests (DiffIDs), bottom first. */
    public record RootFs(String type, @JsonProperty("diff_ids") List<Digest> diffIds) {}

    /** One build step; {@code empty_layer} steps made no layer. */
    public record History(
            String created,
            @JsonProperty("created_by") String createdBy,
            String author,
            String comment,
            @JsonProperty("empty_layer") Boolean emptyLayer) {}

    /** DiffIDs, never null. */
    public List<Digest> diffIds() {
        return rootfs == null || rootfs.diffIds() == null ? List.of() : rootfs.diffIds();
    }
}
