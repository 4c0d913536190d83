package dev.berth.app.engine.swarm;

import java.util.List;

/**
 * One service as {@code docker service ls} shows it: mode ({@code replicated} with its desired replicas, or
 * {@code global}), how many of its tasks run, its image, published ports ({@code 8080:80/tcp}), the state of its
 * last update or rollback ({@code updating}, {@code completed}, {@code paused}, {@code rollback_started}, …, empty
 * when never updated) with the swarm's message, and the stack it belongs to ({@code com.docker.stack.namespace}).
 */
public record SwarmService(String id, String name, String mode, long desiredReplicas, long runningTasks,
        String image, List<String> ports, String updateState, String updateMessage, String stack, long version) {

    public SwarmService {
        ports = List.copyOf(ports);
    }

    /** "3/5" as the CLI prints replicas; global services show running over desired too. */
    public String replicas() {
        return runningTasks + "/" + desiredReplicas;
    }
}
