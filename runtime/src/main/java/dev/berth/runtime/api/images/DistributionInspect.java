package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.registry.RegistrySession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /distribution/{name}/json}: what a reference names in its registry — the manifest or index descriptor and
 * the platforms on offer — without pulling (docker service create and tools resolve digests with it).
 */
final class DistributionInspect implements Handler {
    private final ImageServices images;
    private final RegistryAuth auth;

    DistributionInspect(ImageServices images, RegistryAuth auth) {
        this.images = images;
        this.auth = auth;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        ImageReference ref = ImageReference.parse(req.pathParam("name")).withDefaultTag();
        RegistrySession session = images.registry().session(ref, auth.credentialsFor(req, ref), false);
        RegistrySession.Distribution d = session.describe(ref.digest() != null ? ref.digest().toString() : ref.tag());
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", d.mediaType());
        descriptor.put("digest", d.digest().toString());
        descriptor.put("size", d.size());
        List<Map<String, Object>> platforms = new ArrayList<>();
        for (var p : d.platforms()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("architecture", p.architecture());
            one.put("os", p.os());
            if (p.variant() != null && !p.variant().isEmpty()) {
                one.put("variant", p.variant());
            }
            platforms.add(one);
        }
        res.json(200, Map.of("Descriptor", descriptor, "Platforms", platforms));
    }
}
