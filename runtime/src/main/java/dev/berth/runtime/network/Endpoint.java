package dev.berth.runtime.network;

import java.util.List;

/**
 * A container's presence on a network: what {@code NetworkSettings.Networks.<name>} of container inspect shows.
 *
 * @param interfaceName the interface inside the container ({@code eth0}, ...)
 * @param hostVeth      the veth end on the bridge, in the host namespace
 * @param dnsNames      the names this endpoint resolves by on the network (empty on the default bridge)
 * @param links         {@code name:alias} pairs this container resolves on the network (its endpoint's Links)
 * @param ipv6Address   the address on an IPv6 network (null on an IPv4-only one), with its prefix and gateway
 */
public record Endpoint(String networkId, String networkName, String endpointId, String interfaceName, String hostVeth,
        String ipAddress, int prefixLength, String gateway, String macAddress, List<String> aliases,
        List<String> dnsNames, List<String> links, String ipv6Address, int ipv6PrefixLength,
        String ipv6Gateway) {
    public Endpoint {
        aliases = List.copyOf(aliases);
        dnsNames = List.copyOf(dnsNames);
        links = links == null ? List.of() : List.copyOf(links); // records written before links were kept have none
    }

    public Endpoint(String networkId, String networkName, String endpointId, String interfaceName, String hostVeth,
            String ipAddress, int prefixLength, String gateway, String macAddress, List<String> aliases,
            List<String> dnsNames, List<String> links) {
        this(networkId, networkName, endpointId, interfaceName, hostVeth, ipAddress, prefixLength, gateway, macAddress,
                aliases, dnsNames, links, null, 0, null);
    }

    public Endpoint(String networkId, String networkName, String endpointId, String interfaceName, String hostVeth,
            String ipAddress, int prefixLength, String gateway, String macAddress, List<String> aliases,
            List<String> dnsNames) {
        this(networkId, networkName, endpointId, interfaceName, hostVeth, ipAddress, prefixLength, gateway, macAddress,
                aliases, dnsNames, List.of());
    }
}
