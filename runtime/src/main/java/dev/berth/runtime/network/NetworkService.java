package dev.berth.runtime.network;

import dev.berth.runtime.errors.ForbiddenException;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.network.firewall.Firewall;
import dev.berth.runtime.network.firewall.Iptables;
import dev.berth.runtime.network.host.Commands;
import dev.berth.runtime.network.host.Links;
import dev.berth.runtime.network.host.NetnsFiles;
import dev.berth.runtime.network.host.ProcessCommands;
import dev.berth.runtime.network.host.Sysctl;
import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ports.PortBinding;
import dev.berth.runtime.network.ports.PortMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The network service of berthd: networks (create, list, inspect, remove, prune) here, and through its parts
 * container attachments ({@link ContainerAttachments}: a namespace, a veth per network, addresses, names), published
 * ports ({@link PublishedPorts}), resolv.conf and hosts content ({@link ContainerNameFiles}) and repair at start-up
 * ({@link NetworkRepair}). The container service calls {@link #attach}, {@link #publishPorts}, {@link #resolvConf},
 * {@link #hosts} when it creates a container and {@link #detach} when it removes one. All changes are serialized by
 * this one lock, which the parts rely on: changes are rare and short, and it keeps leases, links, rules and records
 * consistent with each other.
 */
public final class NetworkService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NetworkService.class.getName());
    private final NetworkConfig config;
    private final EngineTag tag;
    private final EventBus events;
    private final NetworkStore store;
    private final NetworkRegistry registry;
    private final Links links;
    private final NetworkDns dns;
    private final Bridges bridges;
    private final AttachmentTable attachments;
    private final PublishedPorts ports;
    private final ContainerAttachments containers;
    private final ContainerNameFiles nameFiles;
    private final NetworkRepair repair;
    private final ReentrantLock lock = new ReentrantLock();

    public NetworkService(NetworkConfig config, EventBus events, Commands commands, Sysctl sysctl) {
        this.config = config;
        this.events = events;
        this.store = new NetworkStore(config.dataRoot());
        this.tag = store.engineTag();
        this.registry = new NetworkRegistry(store);
        this.links = new Links(commands);
        NetnsFiles netns = new NetnsFiles(commands);
        Firewall firewall = new Firewall(new Iptables(commands), sysctl, tag.ruleComment());
        this.dns = new NetworkDns(config.dnsPort(), config.hostResolvConf());
        EndpointWiring wiring = new EndpointWiring(registry, links, dns, tag);
        this.bridges = new Bridges(links, firewall);
        this.attachments = new AttachmentTable(store);
        this.ports = new PublishedPorts(registry, firewall, attachments);
        this.containers = new ContainerAttachments(registry, links, netns, wiring, tag, attachments, ports, events);
        this.nameFiles = new ContainerNameFiles(dns, attachments);
        this.repair = new NetworkRepair(registry, firewall, bridges, dns, links, netns, wiring, tag, attachments,
                ports);
    }

    /** The service on the real host (iproute2, iptables, /proc/sys). */
    public static NetworkService onHost(NetworkConfig config, EventBus events) {
        return new NetworkService(config, events, new ProcessCommands(), Sysctl.host());
    }

    /** Loads the records, creates the predefined networks if missing, then {@link #reconcile()}s the host with them. */
    public void start() {
        lock.lock();
        try {
            registry.load();
            attachments.load();
            ensurePredefined();
            reconcile();
        } finally {
            lock.unlock();
        }
    }

    private void ensurePredefined() {
        Network bridge = registry.byName(Network.DEFAULT_BRIDGE);
        if (bridge != null && !matchesConfig(bridge)) {
            if (attachments.all().stream()
                    .anyMatch(a -> a.endpoints().stream().anyMatch(e -> e.networkId().equals(bridge.id())))) {
                LOG.warning("the default bridge keeps " + bridge.gateway() + " in " + bridge.subnet() + " on "
                        + bridge.bridge()
                        + " while containers use it; the configured " + config.defaultAddress() + " on "
                        + config.defaultBridge()
                        + " takes effect once they are removed and berthd restarts");
            } else {
                // bip (or the bridge name) changed: dockerd re-creates the default bridge at every start, and so do we.
                bridges.tearDown(bridge);
                registry.remove(bridge);
            }
        }
        if (registry.byName(Network.DEFAULT_BRIDGE) == null) {
            Cidr subnet = config.defaultAddress().subnet();
            Map<String, String> opts = Map.of(BridgeOptions.DEFAULT_BRIDGE, "true", BridgeOptions.NAME,
                    config.defaultBridge(),
                    BridgeOptions.ICC, "true", BridgeOptions.MASQUERADE, "true", BridgeOptions.HOST_BINDING, "0.0.0.0",
                    BridgeOptions.MTU, "1500");
            registry.add(
                    new Network(EndpointWiring.randomId(), Network.DEFAULT_BRIDGE, "bridge", now(), subnet.toString(),
                            config.defaultAddress().address().toString(), null, false, false, Map.of(), opts,
                            config.defaultBridge(), false));
        }
        if (registry.byName(Network.HOST) == null) {
            registry.add(
                    new Network(EndpointWiring.randomId(), Network.HOST, "host", now(), null, null, null, false, false,
                            Map.of(), Map.of(), null, false));
        }
        if (registry.byName(Network.NONE) == null) {
            registry.add(
                    new Network(EndpointWiring.randomId(), Network.NONE, "null", now(), null, null, null, false, false,
                            Map.of(), Map.of(), null, false));
        }
    }

    private boolean matchesConfig(Network bridge) {
        return config.defaultAddress().subnet().toString().equals(bridge.subnet())
                && config.defaultAddress().address().toString().equals(bridge.gateway())
                && config.defaultBridge().equals(bridge.bridge());
    }

    // ---------------------------------------------------------------- networks

    /** Creates a bridge network; emits {@code network create}. */
    public Network create(NetworkCreateRequest req) {
        lock.lock();
        try {
            Network n = new NetworkSpec(registry, links, config).build(req);
            try {
                bridges.setUp(n);
                registry.add(n);
            } catch (RuntimeException e) {
                bridges.tearDown(n);
                throw e;
            }
            dns.start(n);
            events.publish("network", "create", n.id(), Map.of("name", n.name(), "type", n.driver()));
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Every network with its containers. */
    public List<NetworkView> list() {
        lock.lock();
        try {
            return registry.all().stream().map(this::view).toList();
        } finally {
            lock.unlock();
        }
    }

    /** One network by name, ID or unique ID prefix. */
    public NetworkView inspect(String ref) {
        lock.lock();
        try {
            return view(registry.find(ref));
        } finally {
            lock.unlock();
        }
    }

    /** Removes a user network with no containers; emits {@code network destroy}. */
    public void remove(String ref) {
        lock.lock();
        try {
            Network n = registry.find(ref);
            if (n.builtin()) {
                throw new ForbiddenException(n.name() + " is a pre-defined network and cannot be removed");
            }
            Map<String, NetworkView.AttachedContainer> on = view(n).containers();
            if (!on.isEmpty()) {
                throw new ForbiddenException("error while removing network: network " + n.name() + " id " + n.id()
                        + " has active endpoints ("
                        + String.join(", ", on.values().stream().map(NetworkView.AttachedContainer::name).toList())
                        + ")");
            }
            dns.stop(n.id());
            bridges.tearDown(n);
            registry.remove(n);
            events.publish("network", "destroy", n.id(), Map.of("name", n.name(), "type", n.driver()));
        } finally {
            lock.unlock();
        }
    }

    /** Removes every unused user network that {@code filter} accepts; returns their names; emits {@code network prune}. */
    public List<String> prune(Predicate<NetworkView> filter) {
        lock.lock();
        try {
            List<String> removed = new ArrayList<>();
            for (Network n : registry.all()) {
                NetworkView v = view(n);
                if (!n.builtin() && v.containers().isEmpty() && filter.test(v)) {
                    remove(n.id());
                    removed.add(n.name());
                }
            }
            events.publish("network", "prune", "", Map.of("reclaimed", "0"));
            return removed;
        } finally {
            lock.unlock();
        }
    }

    private NetworkView view(Network n) {
        Map<String, NetworkView.AttachedContainer> on = new LinkedHashMap<>();
        for (Attachment a : attachments.all()) {
            for (Endpoint e : a.endpoints()) {
                if (e.networkId().equals(n.id())) {
                    on.put(a.containerId(), new NetworkView.AttachedContainer(a.containerName(), e));
                }
            }
        }
        return new NetworkView(n, on);
    }

    // ---------------------------------------------------------------- containers

    /**
     * Gives a container its network: for {@code host} nothing (the result's netnsPath is null: share the host's);
     * for {@code none} nothing either (netnsPath null, hostNetwork false: the OCI runtime creates a namespace with
     * only loopback); otherwise a namespace with one interface per network
     * ({@code eth0}, {@code eth1}, ...), the default route via the first network that is not internal. No requests
     * means the default bridge. {@code netnsPath} null makes Berth create the namespace (and delete it on detach).
     * All or nothing; emits {@code network connect} per network.
     */
    public Attachment attach(String containerId, String containerName, String netnsPath,
            List<EndpointRequest> requests) {
        return locked(() -> containers.attach(containerId, containerName, netnsPath, requests));
    }

    /** Undoes {@link #attach} and everything since: ports, endpoints, leases, the namespace if Berth made it. Idempotent. */
    public void detach(String containerId) {
        locked(() -> {
            containers.detach(containerId);
            return null;
        });
    }

    /** {@code docker network connect}: one more network for an attached container. */
    public Endpoint connect(String networkRef, String containerRef, EndpointRequest req) {
        return locked(() -> containers.connect(networkRef, containerRef, req));
    }

    /** {@code docker network disconnect}; ports that pointed at the endpoint go with it. */
    public void disconnect(String networkRef, String containerRef) {
        locked(() -> {
            containers.disconnect(networkRef, containerRef);
            return null;
        });
    }

    /** The network state of a container, or NotFound. */
    public Attachment attachment(String containerId) {
        return locked(() -> attachments.require(containerId));
    }

    /**
     * Publishes ports to the container's first non-internal endpoint, all or nothing (see {@link PublishedPorts});
     * returns the actual host ports, none in host mode or with only internal networks.
     */
    public List<PortMapping> publishPorts(String containerId, List<PortBinding> bindings) {
        return locked(() -> ports.publish(containerId, bindings));
    }

    /** Removes every published port of the container (rules and reserved host ports). */
    public void unpublish(String containerId) {
        locked(() -> {
            Attachment a = attachments.get(containerId);
            if (a != null) {
                attachments.put(ports.release(a));
            }
            return null;
        });
    }

    /** The container's {@code /etc/resolv.conf} (see {@link ContainerNameFiles#resolvConf}). */
    public String resolvConf(String containerId, DnsSettings settings) {
        return locked(() -> nameFiles.resolvConf(containerId, settings));
    }

    /** The container's {@code /etc/hosts} (see {@link ContainerNameFiles#hosts}). */
    public String hosts(String containerId, String hostname, List<String> extraHosts) {
        return locked(() -> nameFiles.hosts(containerId, hostname, extraHosts));
    }

    private static String now() {
        return Instant.now().toString();
    }

    // ---------------------------------------------------------------- repair

    /** Makes the host match the records, as after a restart or crash (see {@link NetworkRepair}). */
    public void reconcile() {
        locked(() -> {
            repair.run();
            return null;
        });
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the DNS servers and lets go of the host ports. Rules and links stay for running containers. */
    @Override
    public void close() {
        lock.lock();
        try {
            dns.close();
            ports.close();
        } finally {
            lock.unlock();
        }
    }
}
