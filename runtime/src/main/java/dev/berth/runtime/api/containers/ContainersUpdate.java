package dev.berth.runtime.api.containers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.container.update.ContainerUpdater;
import dev.berth.runtime.container.update.ResourceUpdate;
import java.util.List;
import java.util.Map;

/** {@code POST /containers/{id}/update}: new limits and restart policy; 200 {"Warnings":[]}. */
public final class ContainersUpdate implements Handler {
    private final ContainerUpdater updater;

    public ContainersUpdate(ContainerUpdater updater) {
        this.updater = updater;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        updater.update(req.pathParam("id"), ResourceUpdate.parse(req.bodyJson(ObjectNode.class)));
        res.json(200, Map.of("Warnings", List.of()));
    }
}
