package dev.berth.runtime.image;

import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.image.content.ContentStore;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageConfig;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Parsed image configs by image ID; cached forever because a config never changes under its digest. */
public final class ImageConfigs {
    private final ContentStore content;
    private final Map<Digest, ImageConfig> cache = new ConcurrentHashMap<>();

    public ImageConfigs(ContentStore content) {
        this.content = content;
    }

    /** The config of image {@code id}. */
    public ImageConfig get(Digest id) {
        return cache.computeIfAbsent(id, this::load);
    }

    private ImageConfig load(Digest id) {
        try {
            return Json.MAPPER.readValue(content.read(id), ImageConfig.class);
        } catch (IOException e) {
            throw new EngineException("image config " + id + " is unreadable: " + e.getMessage(), e);
        }
    }
}
