package dev.berth.runtime.api.volumes;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.volume.CreateRequest;
import dev.berth.runtime.volume.VolumeStore;

/** {@code POST /volumes/create}: 201 with the volume, new or (same name, compatible options) existing. */
final class CreateVolume implements Handler {
    private final VolumeStore store;

    CreateVolume(VolumeStore store) {
        this.store = store;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        VolumeCreateBody body = req.bodyJson(VolumeCreateBody.class);
        if (body == null) {
            body = new VolumeCreateBody(null, null, null, null, null); // dockerd creates an anonymous volume
        }
        if (body.clusterVolumeSpec() != null && !body.clusterVolumeSpec().isNull() && req.version().atLeast("1.42")) {
            throw new InvalidArgumentException("cluster volumes need swarm mode, which berthd does not support");
        }
        CreateRequest request = new CreateRequest(body.name(), body.driver(), body.driverOpts(), body.labels());
        res.json(201, VolumeJson.of(store.create(request)));
    }
}
