package dev.berth.runtime.api.containers;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.stats.ContainerStats;
import dev.berth.runtime.container.update.ContainerUpdater;

/** The observe-and-tune container endpoints: stats, top and update. */
public final class ContainerObservability implements Routes {
    private final ContainerServices containers;
    private final ContainerUpdater updater;

    public ContainerObservability(ContainerServices containers, ContainerUpdater updater) {
        this.containers = containers;
        this.updater = updater;
    }

    @Override
    public void register(Router r) {
        r.add("GET", "/containers/{id}/stats", new ContainersStats(containers.store(), ContainerStats.forHost()));
        r.add("GET", "/containers/{id}/top", new ContainersTop(containers.store(), containers.runner().runtime()));
        r.add("POST", "/containers/{id}/update", new ContainersUpdate(updater));
    }
}
