package dev.berth.runtime.daemon;

import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.volume.VolumeUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Which containers mount a volume, read from the container store (empty until the container services exist). */
final class MountedVolumes implements VolumeUsage {
    private final Supplier<ContainerServices> containers;

    MountedVolumes(Supplier<ContainerServices> containers) {
        this.containers = containers;
    }

    @Override
    public List<String> containersUsing(String name) {
        return index().getOrDefault(name, List.of());
    }

    @Override
    public VolumeUsage snapshot() {
        Map<String, List<String>> byVolume = index();
        return name -> byVolume.getOrDefault(name, List.of());
    }

    private Map<String, List<String>> index() {
        ContainerServices services = containers.get();
        Map<String, List<String>> byVolume = new HashMap<>();
        if (services == null) {
            return byVolume;
        }
        for (Container c : services.store().list()) {
            c.mounts().stream().map(m -> m.name()).filter(n -> n != null).distinct()
                    .forEach(n -> byVolume.computeIfAbsent(n, k -> new ArrayList<>()).add(c.id()));
        }
        return byVolume;
    }
}
