package dev.berth.runtime.api.volumes;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.volume.VolumeStore;

/** {@code GET /volumes/{name}}: the volume, or 404 "no such volume". */
final class InspectVolume implements Handler {
    private final VolumeStore store;

    InspectVolume(VolumeStore store) {
        this.store = store;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        res.json(200, VolumeJson.of(store.get(req.pathParam("name"))));
    }
}
