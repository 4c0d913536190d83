package dev.berth.runtime.network;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.ForbiddenException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.network.host.Links;
import dev.berth.runtime.network.host.NetnsFiles;
import java.util.ArrayList;
import java.util.List;
import dev.berth.runtime.network.ports.PortMapping;
import java.util.Map;

/**
 * Containers on networks: a namespace with one interface per network at create, more with {@code network connect},
 * fewer with {@code disconnect}, all undone at remove; each change emits the event dockerd emits. Called with the
 * network service's lock held.
 */
final class ContainerAttachments {
    private final NetworkRegistry registry;
    private final Links links;
    private final NetnsFiles netns;
    private final EndpointWiring wiring;
    private final EngineTag tag;
    private final AttachmentTable attachments;
    private final PublishedPorts ports;
    private final EventBus events;

    ContainerAttachments(NetworkRegistry registry, Links links, NetnsFiles netns, EndpointWiring wiring, EngineTag tag,
            AttachmentTable attachments, PublishedPorts ports, EventBus events) {
        this.registry = registry;
        this.links = links;
        this.netns = netns;
        this.wiring = wiring;
        this.tag = tag;
        this.attachments = attachments;
        this.ports = ports;
        this.events = events;
    }

    /** See {@link NetworkService#attach}. */
    Attachment attach(String containerId, String containerName, String netnsPath, List<EndpointRequest> requests) {
        if (attachments.contains(containerId)) {
            throw new ConflictException("container " + containerId + " is already attached; detach it first");
        }
        List<EndpointRequest> reqs = requests == null || requests.isEmpty()
                ? List.of(EndpointRequest.of(Network.DEFAULT_BRIDGE)) : requests;
        List<Network> nets = reqs.stream().map(r -> registry.find(r.network())).toList();
        boolean special = nets.stream().anyMatch(n -> !n.hasBridge());
        if (special && nets.size() > 1) {
            throw new InvalidArgumentException(
                    "container cannot be connected to host or none network together with other networks");
        }
        if (special && nets.getFirst().name().equals(Network.HOST)) {
            Attachment a = new Attachment(containerId, containerName, null, false, true, List.of(), List.of(),
                    List.of());
            attachments.put(a);
            return a;
        }
        if (special && netnsPath == null) {
            // "none": the OCI runtime makes a fresh namespace with only loopback up (runc and crun both do),
            // which spares the two ip(8) processes a namespace of our own would cost on every start.
            Attachment a = new Attachment(containerId, containerName, null, false, false, List.of(), List.of(),
                    List.of());
            attachments.put(a);
            return a;
        }
        boolean owns = netnsPath == null;
        String path = owns ? netns.create(tag.netnsName(containerId)).toString() : netnsPath;
        Attachment a = new Attachment(containerId, containerName, path, owns, false, List.of(), List.of(), List.of());
        List<Endpoint> made = new ArrayList<>();
        try {
            if (special) {
                links.loopbackUp(path); // with endpoints, addVeth brings loopback up in the same ip batch
            } else {
                boolean routed = false;
                for (int i = 0; i < nets.size(); i++) {
                    Network n = nets.get(i);
                    boolean defaultRoute = !routed && !n.internal();
                    routed |= defaultRoute;
                    made.add(wiring.connect(n, containerId, containerName, path, "eth" + i, reqs.get(i), defaultRoute,
                            List.of()));
                }
            }
            a = a.withEndpoints(made);
            attachments.put(a);
        } catch (RuntimeException e) {
            for (Endpoint m : made.reversed()) {
                wiring.disconnect(m, containerId);
            }
            if (owns) {
                netns.delete(tag.netnsName(containerId));
            }
            throw e;
        }
        for (Endpoint e : made) {
            event("connect", e, containerId);
        }
        return a;
    }

    /** See {@link NetworkService#detach}. */
    void detach(String containerId) {
        Attachment a = attachments.get(containerId);
        if (a == null) {
            return;
        }
        ports.release(a);
        for (Endpoint e : a.endpoints()) {
            wiring.disconnect(e, containerId);
        }
        if (a.ownsNetns()) {
            // By the recorded path: a namespace made before names carried the engine tag keeps its old name.
            netns.delete(java.nio.file.Path.of(a.netnsPath()).getFileName().toString());
        }
        attachments.delete(containerId);
        for (Endpoint e : a.endpoints()) {
            event("disconnect", e, containerId);
        }
    }

    /** See {@link NetworkService#connect}. */
    Endpoint connect(String networkRef, String containerRef, EndpointRequest req) {
        Network n = registry.find(networkRef);
        Attachment a = attachments.find(containerRef);
        if (!a.hostNetwork() && a.netnsPath() == null) {
            throw new ForbiddenException(
                    "container cannot be connected to multiple networks with one of the networks in private (none) mode");
        }
        if (a.hostNetwork() || (a.endpoints().isEmpty() && !n.hasBridge())) {
            throw new ForbiddenException(
                    "container cannot be disconnected from host network or connected to host network");
        }
        if (!n.hasBridge()) {
            throw new ForbiddenException(
                    "container cannot be connected to network " + n.name() + " with other networks");
        }
        if (a.endpoints().stream().anyMatch(e -> e.networkId().equals(n.id()))) {
            throw new ForbiddenException(
                    "endpoint with name " + a.containerName() + " already exists in network " + n.name());
        }
        boolean defaultRoute = !n.internal() && a.endpoints().stream()
                .noneMatch(e -> !registry.find(e.networkId()).internal());
        Endpoint e = wiring.connect(n, a.containerId(), a.containerName(), a.netnsPath(), freeInterface(a),
                new EndpointRequest(n.id(), req == null ? List.of() : req.aliases(),
                        req == null ? null : req.ipv4Address(),
                        req == null ? null : req.macAddress(), req == null ? List.of() : req.links(),
                        req == null ? null : req.ipv6Address()),
                defaultRoute, a.dnsServers());
        List<Endpoint> all = new ArrayList<>(a.endpoints());
        all.add(e);
        try {
            attachments.put(a.withEndpoints(all));
        } catch (RuntimeException ex) {
            wiring.disconnect(e, a.containerId());
            throw ex;
        }
        event("connect", e, a.containerId());
        return e;
    }

    /** See {@link NetworkService#disconnect}. */
    void disconnect(String networkRef, String containerRef) {
        Network n = registry.find(networkRef);
        Attachment a = attachments.find(containerRef);
        Endpoint e = a.endpoints().stream().filter(x -> x.networkId().equals(n.id())).findFirst()
                .orElseThrow(() -> new ForbiddenException(
                        "container " + a.containerId() + " is not connected to network " + n.name()));
        List<PortMapping> kept = ports.dropFor(a, e);
        wiring.disconnect(e, a.containerId());
        List<Endpoint> rest = new ArrayList<>(a.endpoints());
        rest.remove(e);
        attachments.put(a.withEndpoints(rest).withPorts(kept));
        event("disconnect", e, a.containerId());
    }

    private static String freeInterface(Attachment a) {
        for (int i = 0;; i++) {
            String name = "eth" + i;
            if (a.endpoints().stream().noneMatch(e -> e.interfaceName().equals(name))) {
                return name;
            }
        }
    }

    private void event(String action, Endpoint e, String containerId) {
        Network n = registry.all().stream().filter(x -> x.id().equals(e.networkId())).findFirst().orElse(null);
        events.publish("network", action, e.networkId(), Map.of("name", e.networkName(), "type",
                n == null ? "bridge" : n.driver(), "container", containerId));
    }
}
