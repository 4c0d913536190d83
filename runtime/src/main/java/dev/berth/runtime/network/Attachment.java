package dev.berth.runtime.network;

import dev.berth.runtime.network.ports.PortMapping;
import java.util.List;

/**
 * The network state of one container, persisted in {@code <data-root>/networks/endpoints/<containerId>.json} so that
 * detach and reconcile work after a restart.
 *
 * @param netnsPath   the namespace to give the OCI runtime ({@code namespaces[{type:network,path}]}); null in host mode,
 *                    where the container must share the host's namespace (no network namespace entry at all)
 * @param ownsNetns   true if Berth created the namespace and deletes it on detach
 * @param hostNetwork true for {@code --network host}
 * @param dnsServers  the container's {@code --dns} servers, used by the embedded DNS for names it does not know
 */
public record Attachment(String containerId, String containerName, String netnsPath, boolean ownsNetns,
        boolean hostNetwork, List<Endpoint> endpoints, List<PortMapping> ports, List<String> dnsServers) {
    public Attachment {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        ports = ports == null ? List.of() : List.copyOf(ports);
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
    }

    public Attachment withEndpoints(List<Endpoint> e) {
        return new Attachment(containerId, containerName, netnsPath, ownsNetns, hostNetwork, e, ports, dnsServers);
    }

    public Attachment withPorts(List<PortMapping> p) {
        return new Attachment(containerId, containerName, netnsPath, ownsNetns, hostNetwork, endpoints, p, dnsServers);
    }

    public Attachment withDnsServers(List<String> d) {
        return new Attachment(containerId, containerName, netnsPath, ownsNetns, hostNetwork, endpoints, ports, d);
    }
}
