/**
 * Container networking for berthd: networks, attachments, published ports and names.
 *
 * <h2>Decision: iproute2 + iptables driven from Java, not the CNI reference plugins</h2>
 * The CNI plugins (bridge, host-local, portmap, firewall) would cover veth and NAT, but not what Docker clients expect:
 * <ul>
 *   <li><b>Ports.</b> portmap cannot pick an ephemeral host port ({@code -p 80}, {@code -P}, the empty HostPort
 *       Testcontainers sends) nor tell "port in use" before it writes rules; Berth must bind the port itself anyway.</li>
 *   <li><b>Isolation.</b> The bridge plugin has no isolation between networks and no {@code --internal}; the firewall
 *       plugin only opens the FORWARD chain. Docker's two-stage isolation and internal drops would be rules of our own
 *       next to the plugins' chains, which we would then have to keep consistent across two owners.</li>
 *   <li><b>Leases.</b> host-local keeps leases in its own directory format; the brief wants them under
 *       {@code <data-root>/networks/}, with round-robin reuse and cleanup we control at reconcile.</li>
 *   <li><b>Connect/disconnect and static IPs</b> map to CNI ADD/DEL of one more network plus cached results; our own
 *       records are simpler and are the same ones inspect shows.</li>
 *   <li><b>Fewer parts in the VM image.</b> {@code ip}, {@code nsenter} and {@code iptables} are there already.</li>
 * </ul>
 * The price is a few hundred lines; every kernel call still goes through real tools behind one seam
 * ({@link dev.berth.runtime.network.host.Commands}), so each step is visible, idempotent and testable.
 * Podman's netavark made the same call for the same reasons.
 *
 * <h2>How a container gets its network</h2>
 * {@link dev.berth.runtime.network.NetworkService#attach} creates a namespace {@code /run/netns/berthns-<id12>} (or uses
 * the path given), then per network: lease an address ({@link dev.berth.runtime.network.ipam}), create a veth pair,
 * put one end on the network's bridge and the other into the namespace as {@code ethN} with MAC {@code 02:42:<ip>},
 * address and default route, and register the container's names in the network's embedded DNS
 * ({@link dev.berth.runtime.network.dns}). The container service hands the namespace path to the OCI runtime as
 * {@code linux.namespaces[{type: network, path}]} and writes the {@link dev.berth.runtime.network.NetworkService#resolvConf}
 * and {@link dev.berth.runtime.network.NetworkService#hosts} content into the container. Rules live in chains of our
 * own ({@link dev.berth.runtime.network.firewall}); ports are DNAT ({@link dev.berth.runtime.network.ports}).
 * The default bridge is {@code berth0} on 172.30.0.0/16, never docker0, so berthd and a dockerd coexist.
 *
 * <h2>Files</h2>
 * {@code <data-root>/networks/records/<id>.json} (networks), {@code leases/<id>.json} (addresses),
 * {@code endpoints/<container-id>.json} (attachments with their ports). {@link dev.berth.runtime.network.NetworkService#reconcile}
 * rebuilds the host from these at start.
 */
package dev.berth.runtime.network;
