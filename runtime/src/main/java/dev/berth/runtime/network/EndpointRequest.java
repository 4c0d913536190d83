package dev.berth.runtime.network;

import java.util.List;

/**
 * One network a container joins ({@code NetworkingConfig.EndpointsConfig} or {@code network connect}).
 *
 * @param network     name, ID or unique ID prefix
 * @param aliases     extra DNS names on this network
 * @param ipv4Address a static address ({@code --ip}), or null for the next free one
 * @param macAddress  a chosen MAC address ({@code --mac-address}), or null for one derived from the address
 * @param links       {@code name:alias} pairs: this container resolves each alias to that container on this network
 * @param ipv6Address a static IPv6 address ({@code --ip6}) on an IPv6 network, or null for the next free one
 */
public record EndpointRequest(String network, List<String> aliases, String ipv4Address, String macAddress,
        List<String> links, String ipv6Address) {
    public EndpointRequest(String network, List<String> aliases, String ipv4Address, String macAddress,
            List<String> links) {
        this(network, aliases, ipv4Address, macAddress, links, null);
    }

    private static final java.util.regex.Pattern MAC = java.util.regex.Pattern
            .compile("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}");

    public EndpointRequest {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        links = links == null ? List.of() : List.copyOf(links);
        ipv6Address = ipv6Address == null || ipv6Address.isBlank() ? null : ipv6Address.strip();
        macAddress = macAddress == null || macAddress.isBlank() ? null : macAddress.toLowerCase(java.util.Locale.ROOT);
        if (macAddress != null && !MAC.matcher(macAddress).matches()) {
            throw new dev.berth.runtime.errors.InvalidArgumentException("invalid MAC address " + macAddress);
        }
    }

    public EndpointRequest(String network, List<String> aliases, String ipv4Address) {
        this(network, aliases, ipv4Address, null, List.of());
    }

    public static EndpointRequest of(String network) {
        return new EndpointRequest(network, List.of(), null, null, List.of());
    }

    /** The links as alias → container name ("db:database" → database → db; "db" → db → db). */
    public static java.util.Map<String, String> aliasesOf(List<String> links) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String link : links) {
            String[] parts = link.split(":", 2);
            String target = parts[0].startsWith("/") ? parts[0].substring(1) : parts[0];
            String alias = parts.length == 2 ? parts[1].substring(parts[1].lastIndexOf('/') + 1) : target;
            if (!target.isBlank() && !alias.isBlank()) {
                out.put(alias, target);
            }
        }
        return out;
    }
}
