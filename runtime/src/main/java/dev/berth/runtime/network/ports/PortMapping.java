package dev.berth.runtime.network.ports;

/** A published port as set up: the actual host address and port, and where the traffic goes in the container. */
public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol, String containerIp) {
    /** The key Docker uses in {@code NetworkSettings.Ports}, e.g. {@code 80/tcp}. */
    public String portKey() {
        return containerPort + "/" + protocol;
    }
}
