package dev.berth.runtime.network;

import dev.berth.runtime.network.firewall.BridgeFirewall;
import dev.berth.runtime.network.firewall.Firewall;
import dev.berth.runtime.network.host.Links;
import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ipam.Cidr6;

/** A network's footprint on the host: its bridge device with the gateway address, and its firewall rules. */
final class Bridges {
    private final Links links;
    private final Firewall firewall;

    Bridges(Links links, Firewall firewall) {
        this.links = links;
        this.firewall = firewall;
    }

    /** Creates (or keeps) the bridge and adds the network's rules; nothing for host and none. */
    void setUp(Network n) {
        if (!n.hasBridge()) {
            return;
        }
        links.ensureBridge(n.bridge(), n.gateway() + "/" + Cidr.parse(n.subnet()).prefix(), n.mtu());
        if (n.ipv6() != null) {
            // Containers reach each other and the host over IPv6; like dockerd without ip6tables, no IPv6 NAT rules.
            links.ensureBridgeIpv6(n.bridge(), n.ipv6().gateway() + "/" + Cidr6.parse(n.ipv6().subnet()).prefix());
        }
        firewall.addNetwork(firewallOf(n));
    }

    /** Removes the network's rules and its bridge. */
    void tearDown(Network n) {
        if (!n.hasBridge()) {
            return;
        }
        firewall.removeNetwork(firewallOf(n));
        links.delete(n.bridge());
    }

    private static BridgeFirewall firewallOf(Network n) {
        return new BridgeFirewall(n.bridge(), Cidr.parse(n.subnet()), n.internal(),
                n.option(BridgeOptions.MASQUERADE, true), n.option(BridgeOptions.ICC, true));
    }
}
