package dev.berth.app.engine.swarm;

import java.util.List;

/**
 * A service to create, as {@code docker service create} takes it: name, image, replicas, command, environment, and
 * published ports. Ports are published in host mode and names resolve to the tasks' own addresses
 * ({@code --endpoint-mode dnsrr}) when {@code dnsRoundRobin}: the routing mesh needs IPVS, which not every kernel
 * has.
 */
public record ServiceDraft(String name, String image, int replicas, List<String> command, List<String> env,
        List<Port> ports, boolean dnsRoundRobin) {

    public ServiceDraft {
        command = List.copyOf(command);
        env = List.copyOf(env);
        ports = List.copyOf(ports);
    }

    /** A published port: {@code published} on the node (host mode), {@code target} in the task. */
    public record Port(int published, int target, String protocol) {
    }
}
