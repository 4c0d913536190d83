package dev.berth.app.containers;

import dev.berth.app.engine.ContainerSummary;
import java.util.List;

/** The containers of one compose project, or ({@code project == null}) one standalone container. */
public record ContainerGroup(String project, List<ContainerSummary> containers) {
    public ContainerGroup {
        containers = List.copyOf(containers);
    }

    public boolean isProject() {
        return project != null;
    }

    /** How many of the group's containers run, for the project row ("2/3 running"). */
    public long running() {
        return containers.stream().filter(c -> c.state().equals("running")).count();
    }
}
