package dev.berth.app.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code docker build} is asked for: a folder (the context), its Dockerfile, the name to give the image, build
 * arguments, the stage to stop at, and whether to ignore the cache or pull base images again.
 *
 * @param dockerfile the Dockerfile's path inside the folder; empty means {@code Dockerfile}
 * @param tags       names for the image ({@code repo:tag}); may be empty
 * @param target     the stage to build, or empty for the last
 */
public record BuildSpec(Path contextDir, String dockerfile, List<String> tags, Map<String, String> buildArgs,
        String target,
        boolean noCache, boolean pull) {
    public BuildSpec {
        dockerfile = dockerfile == null ? "" : dockerfile.strip();
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        target = target == null ? "" : target.strip();
    }

    /** The Dockerfile's path inside the folder, {@code Dockerfile} when none was chosen. */
    public String dockerfileOrDefault() {
        return dockerfile.isEmpty() ? "Dockerfile" : dockerfile;
    }
}
