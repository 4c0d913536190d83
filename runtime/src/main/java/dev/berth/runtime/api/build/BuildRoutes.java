package dev.berth.runtime.api.build;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.build.ImageBuilder;
import dev.berth.runtime.build.cache.CacheMounts;
import dev.berth.runtime.image.registry.DockerConfigCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Registers {@code POST /build} and {@code POST /build/prune}. */
public final class BuildRoutes implements Routes {
    private final ImageBuilder builder;
    private final CacheMounts cacheMounts;
    private final DockerConfigCredentials fallback;

    /** {@code dockerConfigJson} holds the credentials used for base images when a client sends none. */
    public BuildRoutes(ImageBuilder builder, CacheMounts cacheMounts, Path dockerConfigJson) {
        this.builder = builder;
        this.cacheMounts = cacheMounts;
        this.fallback = new DockerConfigCredentials(dockerConfigJson);
    }

    @Override
    public void register(Router r) {
        r.add("POST", "/build/prune", (req, res) -> {
            List<String> ids = cacheMounts.usage().stream().filter(u -> !u.inUse()).map(CacheMounts.Usage::key)
                    .toList();
            long freed = cacheMounts.prune();
            res.json(200, Map.of("CachesDeleted", ids, "SpaceReclaimed", freed));
        });
        r.add("POST", "/build", new BuildHandler(builder, fallback));
    }
}
