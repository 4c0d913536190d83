package dev.berth.runtime.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.registry.Credentials;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a client asked {@code POST /build} for (moby's {@code ImageBuildOptions}), already checked.
 *
 * @param tags          the names to give the result ({@code t}, repeatable)
 * @param dockerfile    the Dockerfile's path in the context ({@code Dockerfile} when not given)
 * @param remote        a URL to fetch the context from instead of the body, or null
 * @param quiet         only the image ID is reported
 * @param noCache       no step is taken from the cache
 * @param pull          base images are pulled even when present
 * @param rm            intermediate containers are removed after a successful step
 * @param forceRm       intermediate containers are removed even after a failed step
 * @param buildArgs     ARG values; a null value means "not given"
 * @param labels        labels for the final image
 * @param target        the stage to build, or null for the last
 * @param cacheFrom     images whose steps may be reused
 * @param networkMode   the network of RUN steps ({@code default} is the default bridge)
 * @param extraHosts    {@code host:ip} lines for RUN steps' /etc/hosts
 * @param platform      the platform of base images to pull, or null
 * @param resources     the HostConfig fields for RUN containers (memory, CPU, shm, ulimits, cgroup parent)
 * @param credentials   the credentials for pulling a base image from a registry domain
 */
public record BuildRequest(
        List<ImageReference> tags,
        String dockerfile,
        String remote,
        boolean quiet,
        boolean noCache,
        boolean pull,
        boolean rm,
        boolean forceRm,
        Map<String, String> buildArgs,
        Map<String, String> labels,
        String target,
        List<String> cacheFrom,
        String networkMode,
        List<String> extraHosts,
        String platform,
        Map<String, JsonNode> resources,
        Function<String, Credentials> credentials) {

    public BuildRequest {
        tags = List.copyOf(tags);
        buildArgs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(buildArgs));
        labels = Map.copyOf(labels);
        cacheFrom = List.copyOf(cacheFrom);
        extraHosts = List.copyOf(extraHosts);
        resources = Map.copyOf(resources);
    }

    /** The Dockerfile's name, {@code Dockerfile} when none was given. */
    public String dockerfileName() {
        return dockerfile == null || dockerfile.isBlank() ? "Dockerfile" : dockerfile;
    }
}
