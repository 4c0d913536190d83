/**
 * Name resolution for containers. Decision: one {@link dev.berth.runtime.network.dns.DnsServer} per bridge network
 * on the network's gateway address, port 53, UDP and TCP, running in berthd itself (host namespace), rather than
 * Docker's 127.0.0.11 inside each namespace: no thread or socket per container, no DNAT rule per namespace, and
 * the forwarder can reach the host's own resolvers even when they are on loopback (systemd-resolved). On
 * user-defined networks it answers container names, aliases and short IDs; on the default bridge it only forwards,
 * so containers there do not see each other by name, as with Docker. The container's resolv.conf names the gateway.
 */
package dev.berth.runtime.network.dns;
