package dev.berth.runtime.api.volumes;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.volume.PruneReport;
import dev.berth.runtime.volume.PruneRequest;
import dev.berth.runtime.volume.VolumeStore;
import java.util.Set;

/**
 * {@code POST /volumes/prune?filters=} with {@code label}, {@code label!} and {@code all}. Since API 1.42 only
 * anonymous volumes go unless {@code all=true}; older clients expect every unused volume to go (moby's rule).
 */
final class PruneVolumes implements Handler {
    private static final Set<String> FILTERS = Set.of("label", "label!", "all");

    private final VolumeStore store;

    PruneVolumes(VolumeStore store) {
        this.store = store;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        Filters f = req.filters();
        f.validate(FILTERS);
        boolean all = FilterValues.single(f, "all", !req.version().atLeast("1.42"));
        PruneReport report = store.prune(new PruneRequest(f.get("label"), f.get("label!"), all));
        res.json(200, new VolumePruneJson(report.deleted(), report.spaceReclaimed()));
    }
}
