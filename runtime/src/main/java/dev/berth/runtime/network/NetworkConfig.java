package dev.berth.runtime.network;

import dev.berth.runtime.network.ipam.BridgeAddress;
import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ipam.SubnetPicker;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of the network service (daemon.json's {@code bip} and {@code default-address-pools} map here).
 *
 * @param dataRoot       records go to {@code <dataRoot>/networks/}
 * @param defaultBridge  name of the default bridge's Linux bridge (never {@code docker0}, so berthd and dockerd coexist)
 * @param defaultAddress the default bridge's address and subnet (daemon.json {@code bip}); the address is the gateway
 * @param pools          where subnets of user networks created without one come from (daemon.json
 *                       {@code default-address-pools}: the first block of {@code size} in a {@code base} that is free)
 * @param dnsPort        port of the embedded DNS servers on each gateway (53; tests may use another)
 * @param hostResolvConf the host's resolver configuration, for forwarding and for containers on the host network
 */
public record NetworkConfig(Path dataRoot, String defaultBridge, BridgeAddress defaultAddress,
        List<SubnetPicker.Pool> pools,
        int dnsPort, Path hostResolvConf) {
    public NetworkConfig {
        pools = List.copyOf(pools);
        if (pools.isEmpty()) {
            throw new IllegalArgumentException("at least one default address pool is needed");
        }
    }

    /**
     * These settings with daemon.json's {@code bip} (null: keep) and {@code default-address-pools} (empty: keep),
     * which, as in dockerd, replace the built-in pools rather than add to them.
     */
    public NetworkConfig withDaemonSettings(BridgeAddress bip, List<SubnetPicker.Pool> defaultAddressPools) {
        return new NetworkConfig(dataRoot, defaultBridge, bip == null ? defaultAddress : bip,
                defaultAddressPools.isEmpty() ? pools : defaultAddressPools, dnsPort, hostResolvConf);
    }

    /**
     * Berth's defaults: {@code berth0} on 172.30.0.0/16 and user networks as /24 blocks of 172.31.0.0/16. Both sit at
     * the far end of dockerd's own pool (it takes 172.17, 172.18, ... in order and skips ranges with a host route),
     * and clear of podman's 10.88/10.89.
     */
    public static NetworkConfig defaults(Path dataRoot) {
        return new NetworkConfig(dataRoot, "berth0", BridgeAddress.parse("172.30.0.1/16"),
                List.of(new SubnetPicker.Pool(Cidr.parse("172.31.0.0/16"), 24)), 53, Path.of("/etc/resolv.conf"));
    }
}
