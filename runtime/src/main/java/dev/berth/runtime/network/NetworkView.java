package dev.berth.runtime.network;

import java.util.Map;

/** A network with the containers on it (container ID → its name and endpoint), for list and inspect. */
public record NetworkView(Network network, Map<String, AttachedContainer> containers) {
    /** A container on the network. */
    public record AttachedContainer(String name, Endpoint endpoint) {}

    public NetworkView {
        containers = Map.copyOf(containers);
    }
}
