/**
 * Published ports. Decision: kernel DNAT for every host address, 127.0.0.1 included, instead of a userland proxy
 * (dockerd's docker-proxy). Packets the host itself sends to a local address go through nat OUTPUT into
 * {@code BERTH-PORTS}; {@code route_localnet=1} on the bridge lets a 127.0.0.1-sourced packet be routed to it, and a
 * MASQUERADE gives the container a source it can answer. No copy loop per connection, the container sees
 * real client addresses from other hosts, and UDP works the same way. Each host port is also held by a bound,
 * non-listening socket ({@link dev.berth.runtime.network.ports.PortReservations}) so a port in use is a clear
 * error before any rule exists, and port 0 yields the ephemeral port.
 */
package dev.berth.runtime.network.ports;
