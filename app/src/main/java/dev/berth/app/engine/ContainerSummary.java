package dev.berth.app.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One row of {@code GET /containers/json?all=1}. {@code state} is the engine's word: running, exited, created, paused… */
public record ContainerSummary(String id, String name, String image, String imageId, String state, String status,
        List<PortMapping> ports, Instant created, Map<String, String> labels,
        List<String> volumeNames) {

    /** The label docker compose puts on every container of a project. */
    public static final String COMPOSE_PROJECT_LABEL = "com.docker.compose.project";

    public ContainerSummary {
        ports = List.copyOf(ports);
        labels = Map.copyOf(labels);
        volumeNames = List.copyOf(volumeNames);
    }

    /** The compose project this container belongs to, or {@code null}. */
    public String composeProject() {
        return labels.get(COMPOSE_PROJECT_LABEL);
    }
}
