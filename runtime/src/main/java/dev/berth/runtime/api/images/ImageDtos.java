package dev.berth.runtime.api.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The JSON shapes of Docker's image endpoints (moby api/types/image), with Docker's field names. */
final class ImageDtos {
    private ImageDtos() {}

    /** An entry of {@code GET /images/json}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(
            @JsonProperty("Id") String id,
            @JsonProperty("ParentId") String parentId,
            @JsonProperty("RepoTags") List<String> repoTags,
            @JsonProperty("RepoDigests") List<String> repoDigests,
            @JsonProperty("Created") long created,
            @JsonProperty("Size") long size,
            @JsonProperty("SharedSize") long sharedSize,
            @JsonProperty("VirtualSize") Long virtualSize,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("Containers") long containers) {}

    /** {@code GET /images/{name}/json}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Inspect(
            @JsonProperty("Id") String id,
            @JsonProperty("RepoTags") List<String> repoTags,
            @JsonProperty("RepoDigests") List<String> repoDigests,
            @JsonProperty("Parent") String parent,
            @JsonProperty("Comment") String comment,
            @JsonProperty("Created") String created,
            @JsonProperty("Container") @JsonInclude(JsonInclude.Include.NON_NULL) String container,
            @JsonProperty("ContainerConfig") @JsonInclude(JsonInclude.Include.NON_NULL) ContainerConfig containerConfig,
            @JsonProperty("DockerVersion") String dockerVersion,
            @JsonProperty("Author") String author,
            @JsonProperty("Config") ContainerConfig config,
            @JsonProperty("Architecture") String architecture,
            @JsonProperty("Variant") @JsonInclude(JsonInclude.Include.NON_NULL) String variant,
            @JsonProperty("Os") String os,
            @JsonProperty("OsVersion") @JsonInclude(JsonInclude.Include.NON_NULL) String osVersion,
            @JsonProperty("Size") long size,
            @JsonProperty("VirtualSize") @JsonInclude(JsonInclude.Include.NON_NULL) Long virtualSize,
            @JsonProperty("GraphDriver") GraphDriver graphDriver,
            @JsonProperty("RootFS") RootFs rootFs,
            @JsonProperty("Metadata") Map<String, Object> metadata) {}

    /** The image's run defaults in Docker's container-config shape. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ContainerConfig(
            @JsonProperty("Hostname") String hostname,
            @JsonProperty("Domainname") String domainname,
            @JsonProperty("User") String user,
            @JsonProperty("AttachStdin") boolean attachStdin,
            @JsonProperty("AttachStdout") boolean attachStdout,
            @JsonProperty("AttachStderr") boolean attachStderr,
            @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
            @JsonProperty("Tty") boolean tty,
            @JsonProperty("OpenStdin") boolean openStdin,
            @JsonProperty("StdinOnce") boolean stdinOnce,
            @JsonProperty("Env") List<String> env,
            @JsonProperty("Cmd") List<String> cmd,
            @JsonProperty("Healthcheck") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> healthcheck,
            @JsonProperty("Image") String image,
            @JsonProperty("Volumes") Map<String, Object> volumes,
            @JsonProperty("WorkingDir") String workingDir,
            @JsonProperty("Entrypoint") List<String> entrypoint,
            @JsonProperty("OnBuild") List<String> onBuild,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("StopSignal") @JsonInclude(JsonInclude.Include.NON_NULL) String stopSignal,
            @JsonProperty("Shell") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> shell) {}

    /** Where the layers are on disk, in overlay2's terms. */
    record GraphDriver(@JsonProperty("Name") String name, @JsonProperty("Data") Map<String, String> data) {}

    /** The DiffIDs, bottom first. */
    record RootFs(@JsonProperty("Type") String type, @JsonProperty("Layers") List<String> layers) {}

    /** An entry of {@code GET /images/{name}/history}, newest first. */
    record HistoryItem(
            @JsonProperty("Id") String id,
            @JsonProperty("Created") long created,
            @JsonProperty("CreatedBy") String createdBy,
            @JsonProperty("Tags") List<String> tags,
            @JsonProperty("Size") long size,
            @JsonProperty("Comment") String comment) {}
}
