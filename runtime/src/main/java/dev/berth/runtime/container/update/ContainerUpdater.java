package dev.berth.runtime.container.update;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.create.ContainerEvents;
import dev.berth.runtime.container.lifecycle.ContainerRunner;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.events.EventBus;
import java.util.concurrent.locks.ReentrantLock;

/** {@code docker update}: changes a container's limits in its running cgroup (through the runtime) and in its HostConfig. */
public final class ContainerUpdater {
    private final ContainerStore store;
    private final ContainerRunner runner;
    private final EventBus events;
    private final boolean swapAccounting;

    public ContainerUpdater(ContainerStore store, ContainerRunner runner, EventBus events) {
        this.store = store;
        this.runner = runner;
        this.events = events;
        this.swapAccounting = dev.berth.runtime.container.oci.HostFacts.detect().swapAccounting();
    }

    /** Applies {@code update} to the container; the runtime first, so a refused limit leaves the HostConfig as it was. */
    public Container update(String idOrName, ResourceUpdate update) {
        Container c = store.resolve(idOrName);
        ReentrantLock lock = runner.lock(c.id());
        lock.lock();
        try {
            Container current = store.resolve(c.id());
            ObjectNode newHost = update.applyTo(current.hostConfig());
            if (current.state().isRunning() && update.touchesCgroups()) {
                runner.runtime().update(current.id(), update.resources(newHost, swapAccounting));
            }
            Container updated = store.update(current.id(), x -> x.withHostConfig(newHost));
            events.publish("container", "update", updated.id(), ContainerEvents.attributes(updated));
            return updated;
        } finally {
            lock.unlock();
        }
    }
}
