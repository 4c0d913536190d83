package dev.berth.runtime.network;

import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ipam.SubnetPicker;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of the network service (daemon.json's {@code bip} and {@code default-address-pools} map here).
 *
 * @param dataRoot       records go to {@code <dataRoot>/networks/}
 * @param defaultBridge  name of the default bridge's Linux bridge (never {@code docker0}, so berthd and dockerd coexist)
 * @param defaultSubnet  the default bridge's subnet; its first host address is the gateway
 * @param pools          where subnets of user networks created without one come from
 * @param dnsPort        port of the embedded DNS servers on each gateway (53; tests may use another)
 * @param hostResolvConf the host's resolver configuration, for forwarding and for containers on the host network
 */
public record NetworkConfig(Path dataRoot, String defaultBridge, Cidr defaultSubnet, List<SubnetPicker.Pool> pools,
                            int dnsPort, Path hostResolvConf) {
    public NetworkConfig {
        pools = List.copyOf(pools);
    }

    /**
     * Berth's defaults: {@code berth0} on 172.30.0.0/16 and user networks as /24 blocks of 172.31.0.0/16. Both sit at
     * the far end of dockerd's own pool (it takes 172.17, 172.18, ... in order and skips ranges with a host route),
     * and clear of podman's 10.88/10.89.
     */
    public static NetworkConfig defaults(Path dataRoot) {
        return new NetworkConfig(dataRoot, "berth0", Cidr.parse("172.30.0.0/16"),
                List.of(new SubnetPicker.Pool(Cidr.parse("172.31.0.0/16"), 24)), 53, Path.of("/etc/resolv.conf"));
    }
}
