package dev.berth.runtime.network.ports;

/**
 * A port to publish: {@code hostIp} (null = every address), {@code hostPort} (null = an ephemeral port the engine
 * picks), the container port and protocol ({@code tcp} or {@code udp}).
 */
public record PortBinding(String hostIp, Integer hostPort, int containerPort, String protocol) {
    /** The key Docker uses for the container side, e.g. {@code 80/tcp}. */
    public String portKey() {
        return containerPort + "/" + protocol;
    }
}
