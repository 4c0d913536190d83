package dev.berth.runtime.api.system;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /system/df}: disk use by images, containers, volumes and build cache ({@code ?type=} picks some). */
public final class DiskUsageHandler implements Handler {
    private static final Set<String> TYPES = Set.of("image", "container", "volume", "build-cache");

    private final DiskUsageSource source;

    public DiskUsageHandler(DiskUsageSource source) {
        this.source = source;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        List<String> types = req.queryAll("type");
        for (String t : types) {
            if (!TYPES.contains(t)) {
                throw new InvalidArgumentException(
                        "unknown object type " + t + ": expected one of image, container, volume, build-cache");
            }
        }
        boolean all = types.isEmpty();
        Map<String, Object> out = new LinkedHashMap<>();
        if (all || types.contains("image")) {
            out.put("LayersSize", source.layersSize());
            out.put("Images", source.images(req.version()));
        }
        if (all || types.contains("container")) {
            out.put("Containers", source.containers(req.version()));
        }
        if (all || types.contains("volume")) {
            out.put("Volumes", source.volumes());
        }
        if (all || types.contains("build-cache")) {
            out.put("BuildCache", source.buildCache());
        }
        res.json(200, out);
    }
}
