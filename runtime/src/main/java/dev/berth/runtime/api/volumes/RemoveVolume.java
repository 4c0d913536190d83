package dev.berth.runtime.api.volumes;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.volume.VolumeStore;

/** {@code DELETE /volumes/{name}?force=}: 204; 409 while in use; 404 if unknown, unless forced. */
final class RemoveVolume implements Handler {
    private final VolumeStore store;

    RemoveVolume(VolumeStore store) {
        this.store = store;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        store.remove(req.pathParam("name"), req.queryBool("force", false));
        res.status(204);
    }
}
