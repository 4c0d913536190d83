package dev.berth.app.engine;

import java.time.Instant;
import java.util.List;

/** The parts of {@code GET /containers/{id}/json} the app shows. {@code exitCode} is meaningful once it stopped. */
public record ContainerDetails(String id, String name, String image, String state, boolean running, int exitCode,
        Instant startedAt, List<String> command, List<String> env) {
    public ContainerDetails {
        command = List.copyOf(command);
        env = List.copyOf(env);
    }
}
