package dev.berth.runtime.network;

import java.util.List;

/**
 * One network a container joins ({@code NetworkingConfig.EndpointsConfig} or {@code network connect}).
 *
 * @param network     name, ID or unique ID prefix
 * @param aliases     extra DNS names on this network
 * @param ipv4Address a static address ({@code --ip}), or null for the next free one
 */
public record EndpointRequest(String network, List<String> aliases, String ipv4Address) {
    public EndpointRequest {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public static EndpointRequest of(String network) {
        return new EndpointRequest(network, List.of(), null);
    }
}
