package dev.berth.runtime.network;

import java.util.List;

/**
 * One network a container joins ({@code NetworkingConfig.EndpointsConfig} or {@code network connect}).
 *
 * @param network     name, ID or unique ID prefix
 * @param aliases     extra DNS names on this network
 * @param ipv4Address a static address ({@code --ip}), or null for the next free one
 * @param macAddress  a chosen MAC address ({@code --mac-address}), or null for one derived from the address
 */
public record EndpointRequest(String network, List<String> aliases, String ipv4Address, String macAddress) {
    private static final java.util.regex.Pattern MAC = java.util.regex.Pattern.compile("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}");

    public EndpointRequest {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        macAddress = macAddress == null || macAddress.isBlank() ? null : macAddress.toLowerCase(java.util.Locale.ROOT);
        if (macAddress != null && !MAC.matcher(macAddress).matches()) {
            throw new dev.berth.runtime.errors.InvalidArgumentException("invalid MAC address " + macAddress);
        }
    }

    public EndpointRequest(String network, List<String> aliases, String ipv4Address) {
        this(network, aliases, ipv4Address, null);
    }

    public static EndpointRequest of(String network) {
        return new EndpointRequest(network, List.of(), null, null);
    }
}
