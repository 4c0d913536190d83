package dev.berth.runtime.api.volumes;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.volume.VolumeStore;

/** {@code /volumes}: list, create, inspect, remove, prune, and the cluster-only update that berthd refuses. */
public final class VolumeRoutes implements Routes {
    private final VolumeStore store;

    public VolumeRoutes(VolumeStore store) {
        this.store = store;
    }

    @Override
    public void register(Router r) {
        // create and prune first: the first matching route wins and they would also match /volumes/{name}.
        r.add("GET", "/volumes", new ListVolumes(store));
        r.add("POST", "/volumes/create", new CreateVolume(store));
        r.add("POST", "/volumes/prune", new PruneVolumes(store));
        r.add("GET", "/volumes/{name}", new InspectVolume(store));
        r.add("DELETE", "/volumes/{name}", new RemoveVolume(store));
        r.add("PUT", "/volumes/{name}", new UpdateVolume());
    }
}
