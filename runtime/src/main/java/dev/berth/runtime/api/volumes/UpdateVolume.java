package dev.berth.runtime.api.volumes;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.errors.InvalidArgumentException;

/** {@code PUT /volumes/{name}} updates swarm cluster volumes only; berthd has no swarm, so it always refuses. */
final class UpdateVolume implements Handler {
    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        throw new InvalidArgumentException("volume update only valid for cluster volumes, but swarm is unavailable");
    }
}
