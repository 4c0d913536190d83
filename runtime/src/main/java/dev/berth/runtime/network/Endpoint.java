package dev.berth.runtime.network;

import java.util.List;

/**
 * A container's presence on a network: what {@code NetworkSettings.Networks.<name>} of container inspect shows.
 *
 * @param interfaceName the interface inside the container ({@code eth0}, ...)
 * @param hostVeth      the veth end on the bridge, in the host namespace
 * @param dnsNames      the names this endpoint resolves by on the network (empty on the default bridge)
 */
public record Endpoint(String networkId, String networkName, String endpointId, String interfaceName, String hostVeth,
                       String ipAddress, int prefixLength, String gateway, String macAddress, List<String> aliases,
                       List<String> dnsNames) {
    public Endpoint {
        aliases = List.copyOf(aliases);
        dnsNames = List.copyOf(dnsNames);
    }
}
