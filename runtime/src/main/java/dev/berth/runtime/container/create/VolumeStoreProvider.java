package dev.berth.runtime.container.create;

import dev.berth.runtime.volume.CreateRequest;
import dev.berth.runtime.volume.VolumeStore;
import java.nio.file.Path;
import java.util.Map;

/** Containers' volumes from the engine's local volume store. */
public final class VolumeStoreProvider implements VolumeProvider {
    private final VolumeStore store;

    public VolumeStoreProvider(VolumeStore store) {
        this.store = store;
    }

    @Override
    public VolumeProvider.Volume acquire(String name, String containerId) {
        dev.berth.runtime.volume.Volume v = store.create(new CreateRequest(name, null, Map.of(), Map.of()));
        return new VolumeProvider.Volume(v.name(), v.mountpoint());
    }

    @Override
    public void seed(String name, Path imageDir) {
        store.seedFrom(name, imageDir);
    }

    @Override
    public void removeAnonymous(String name) {
        store.find(name).filter(v -> v.labels().containsKey(dev.berth.runtime.volume.Volume.ANONYMOUS_LABEL))
                .ifPresent(v -> store.remove(name, true));
    }
}
