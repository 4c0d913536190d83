/**
 * Packet filtering and NAT with iptables, in chains of Berth's own ({@code BERTH-*}), hooked first into
 * FORWARD, POSTROUTING, PREROUTING and OUTPUT. Per bridge network: masquerade for traffic leaving the host,
 * two-stage isolation so that no two Berth networks talk, and drops for {@code --internal} networks. Per
 * published port: a DNAT in {@code BERTH-PORTS}, which is reached both from PREROUTING (other hosts) and from
 * OUTPUT (the host itself, 127.0.0.1 included thanks to {@code route_localnet} on the bridge). Every such rule
 * carries a comment {@code berth:<engine tag>}; an engine rebuilds its state by deleting only its own rules.
 */
package dev.berth.runtime.network.firewall;
