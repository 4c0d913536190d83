package dev.berth.runtime.api.volumes;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.volume.VolumeQuery;
import dev.berth.runtime.volume.VolumeStore;
import java.util.List;
import java.util.Set;

/** {@code GET /volumes?filters=} with moby's filters {@code name}, {@code driver}, {@code label}, {@code dangling}. */
final class ListVolumes implements Handler {
    private static final Set<String> FILTERS = Set.of("name", "driver", "label", "dangling");

    private final VolumeStore store;

    ListVolumes(VolumeStore store) {
        this.store = store;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        Filters f = req.filters();
        f.validate(FILTERS);
        VolumeQuery query = new VolumeQuery(f.get("name"), f.get("driver"), f.get("label"),
                FilterValues.bool(f, "dangling"));
        List<VolumeJson> volumes = store.list(query).stream().map(VolumeJson::of).toList();
        res.json(200, new VolumeListJson(volumes, List.of()));
    }
}
