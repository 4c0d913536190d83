package dev.berth.runtime.api.containers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.model.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * The containers section of {@code GET /system/df}: each container's {@code docker ps} summary plus
 * {@code SizeRw} (bytes written to its upper dir) and {@code SizeRootFs} (that plus its image layers).
 */
public final class ContainersDiskUsage {
    private final ContainerServices containers;
    private final ContainerViews views;

    public ContainersDiskUsage(ContainerServices containers) {
        this.containers = containers;
        this.views = new ContainerViews(containers);
    }

    /** One entry per container, for DiskUsageSource.containers(). */
    public List<Object> containers() {
        List<Object> out = new ArrayList<>();
        for (Container c : containers.store().list()) {
            ObjectNode o = views.summary(c);
            ContainerViews.putSize(o, ContainerSize.of(containers, c));
            out.add(o);
        }
        return out;
    }
}
