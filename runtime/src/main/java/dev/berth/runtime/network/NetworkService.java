package dev.berth.runtime.network;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.ForbiddenException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.network.dns.HostsFile;
import dev.berth.runtime.network.dns.ResolvConf;
import dev.berth.runtime.network.firewall.BridgeFirewall;
import dev.berth.runtime.network.firewall.Firewall;
import dev.berth.runtime.network.firewall.Iptables;
import dev.berth.runtime.network.host.Commands;
import dev.berth.runtime.network.host.Links;
import dev.berth.runtime.network.host.NetnsFiles;
import dev.berth.runtime.network.host.ProcessCommands;
import dev.berth.runtime.network.host.Sysctl;
import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ipam.Ipv4;
import dev.berth.runtime.network.ipam.SubnetPicker;
import dev.berth.runtime.network.ports.PortBinding;
import dev.berth.runtime.network.ports.PortMapping;
import dev.berth.runtime.network.ports.PortReservations;
import dev.berth.runtime.network.ports.PortRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The network service of berthd: networks (create, list, inspect, remove, prune), container attachments (a namespace,
 * a veth per network, addresses, names), published ports, resolv.conf and hosts content, and repair at start-up.
 * The container service calls {@link #attach}, {@link #publishPorts}, {@link #resolvConf}, {@link #hosts} when it
 * creates a container and {@link #detach} when it removes one. All changes are serialized by one lock: they are
 * rare and short, and it keeps leases, links, rules and records consistent with each other.
 */
public final class NetworkService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NetworkService.class.getName());
    private final NetworkConfig config;
    private final EngineTag tag;
    private final EventBus events;
    private final NetworkStore store;
    private final NetworkRegistry registry;
    private final Links links;
    private final NetnsFiles netns;
    private final Firewall firewall;
    private final NetworkDns dns;
    private final EndpointWiring wiring;
    private final PortReservations reservations = new PortReservations();
    private final Map<String, Attachment> attachments = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    public NetworkService(NetworkConfig config, EventBus events, Commands commands, Sysctl sysctl) {
        this.config = config;
        this.events = events;
        this.store = new NetworkStore(config.dataRoot());
        this.tag = store.engineTag();
        this.registry = new NetworkRegistry(store);
        this.links = new Links(commands);
        this.netns = new NetnsFiles(commands);
        this.firewall = new Firewall(new Iptables(commands), sysctl, tag.ruleComment());
        this.dns = new NetworkDns(config.dnsPort(), config.hostResolvConf());
        this.wiring = new EndpointWiring(registry, links, dns, tag);
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
            for (Attachment a : store.loadAttachments()) {
                attachments.put(a.containerId(), a);
            }
            ensurePredefined();
            reconcile();
        } finally {
            lock.unlock();
        }
    }

    private void ensurePredefined() {
        Network bridge = registry.byName(Network.DEFAULT_BRIDGE);
        if (bridge != null && !matchesConfig(bridge)) {
            if (attachments.values().stream().anyMatch(a -> a.endpoints().stream().anyMatch(e -> e.networkId().equals(bridge.id())))) {
                LOG.warning("the default bridge keeps " + bridge.gateway() + " in " + bridge.subnet() + " on " + bridge.bridge()
                        + " while containers use it; the configured " + config.defaultAddress() + " on " + config.defaultBridge()
                        + " takes effect once they are removed and berthd restarts");
            } else {
                // bip (or the bridge name) changed: dockerd re-creates the default bridge at every start, and so do we.
                tearDownBridge(bridge);
                registry.remove(bridge);
            }
        }
        if (registry.byName(Network.DEFAULT_BRIDGE) == null) {
            Cidr subnet = config.defaultAddress().subnet();
            Map<String, String> opts = Map.of(BridgeOptions.DEFAULT_BRIDGE, "true", BridgeOptions.NAME, config.defaultBridge(),
                    BridgeOptions.ICC, "true", BridgeOptions.MASQUERADE, "true", BridgeOptions.HOST_BINDING, "0.0.0.0",
                    BridgeOptions.MTU, "1500");
            registry.add(new Network(EndpointWiring.randomId(), Network.DEFAULT_BRIDGE, "bridge", now(), subnet.toString(),
                    config.defaultAddress().address().toString(), null, false, false, Map.of(), opts, config.defaultBridge(), false));
        }
        if (registry.byName(Network.HOST) == null) {
            registry.add(new Network(EndpointWiring.randomId(), Network.HOST, "host", now(), null, null, null, false, false,
                    Map.of(), Map.of(), null, false));
        }
        if (registry.byName(Network.NONE) == null) {
            registry.add(new Network(EndpointWiring.randomId(), Network.NONE, "null", now(), null, null, null, false, false,
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
                setUpBridge(n);
                registry.add(n);
            } catch (RuntimeException e) {
                tearDownBridge(n);
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
                        + " has active endpoints (" + String.join(", ", on.values().stream().map(NetworkView.AttachedContainer::name).toList()) + ")");
            }
            dns.stop(n.id());
            tearDownBridge(n);
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
        for (Attachment a : attachments.values()) {
            for (Endpoint e : a.endpoints()) {
                if (e.networkId().equals(n.id())) {
                    on.put(a.containerId(), new NetworkView.AttachedContainer(a.containerName(), e));
                }
            }
        }
        return new NetworkView(n, on);
    }

    private void setUpBridge(Network n) {
        if (!n.hasBridge()) {
            return;
        }
        links.ensureBridge(n.bridge(), n.gateway() + "/" + Cidr.parse(n.subnet()).prefix(), n.mtu());
        firewall.addNetwork(firewallOf(n));
    }

    private void tearDownBridge(Network n) {
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

    // ---------------------------------------------------------------- containers

    /**
     * Gives a container its network: for {@code host} nothing (the result's netnsPath is null: share the host's);
     * for {@code none} nothing either (netnsPath null, hostNetwork false: the OCI runtime creates a namespace with
     * only loopback); otherwise a namespace with one interface per network
     * ({@code eth0}, {@code eth1}, ...), the default route via the first network that is not internal. No requests
     * means the default bridge. {@code netnsPath} null makes Berth create the namespace (and delete it on detach).
     * All or nothing; emits {@code network connect} per network.
     */
    public Attachment attach(String containerId, String containerName, String netnsPath, List<EndpointRequest> requests) {
        lock.lock();
        try {
            if (attachments.containsKey(containerId)) {
                throw new ConflictException("container " + containerId + " is already attached; detach it first");
            }
            List<EndpointRequest> reqs = requests == null || requests.isEmpty()
                    ? List.of(EndpointRequest.of(Network.DEFAULT_BRIDGE)) : requests;
            List<Network> nets = reqs.stream().map(r -> registry.find(r.network())).toList();
            boolean special = nets.stream().anyMatch(n -> !n.hasBridge());
            if (special && nets.size() > 1) {
                throw new InvalidArgumentException("container cannot be connected to host or none network together with other networks");
            }
            if (special && nets.getFirst().name().equals(Network.HOST)) {
                Attachment a = new Attachment(containerId, containerName, null, false, true, List.of(), List.of(), List.of());
                store.save(a);
                attachments.put(containerId, a);
                return a;
            }
            if (special && netnsPath == null) {
                // "none": the OCI runtime makes a fresh namespace with only loopback up (runc and crun both do),
                // which spares the two ip(8) processes a namespace of our own would cost on every start.
                Attachment a = new Attachment(containerId, containerName, null, false, false, List.of(), List.of(), List.of());
                store.save(a);
                attachments.put(containerId, a);
                return a;
            }
            boolean owns = netnsPath == null;
            String path = owns ? netns.create(tag.netnsName(containerId)).toString() : netnsPath;
            Attachment a = new Attachment(containerId, containerName, path, owns, false, List.of(), List.of(), List.of());
            List<Endpoint> made = new ArrayList<>();
            try {
                if (special) {
                    links.loopbackUp(path); // with endpoints, addVeth brings loopback up in the same ip batch
                }
                if (!special) {
                    boolean routed = false;
                    for (int i = 0; i < nets.size(); i++) {
                        Network n = nets.get(i);
                        boolean defaultRoute = !routed && !n.internal();
                        routed |= defaultRoute;
                        made.add(wiring.connect(n, containerId, containerName, path, "eth" + i, reqs.get(i), defaultRoute, List.of()));
                    }
                }
                a = a.withEndpoints(made);
                store.save(a);
            } catch (RuntimeException e) {
                for (Endpoint m : made.reversed()) {
                    wiring.disconnect(m, containerId);
                }
                if (owns) {
                    netns.delete(tag.netnsName(containerId));
                }
                throw e;
            }
            attachments.put(containerId, a);
            for (Endpoint e : made) {
                connectEvent("connect", e, containerId);
            }
            return a;
        } finally {
            lock.unlock();
        }
    }

    /** Undoes {@link #attach} and everything since: ports, endpoints, leases, the namespace if Berth made it. Idempotent. */
    public void detach(String containerId) {
        lock.lock();
        try {
            Attachment a = attachments.get(containerId);
            if (a == null) {
                return;
            }
            unpublishLocked(a);
            for (Endpoint e : a.endpoints()) {
                wiring.disconnect(e, containerId);
            }
            if (a.ownsNetns()) {
                // By the recorded path: a namespace made before names carried the engine tag keeps its old name.
                netns.delete(java.nio.file.Path.of(a.netnsPath()).getFileName().toString());
            }
            store.deleteAttachment(containerId);
            attachments.remove(containerId);
            for (Endpoint e : a.endpoints()) {
                connectEvent("disconnect", e, containerId);
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code docker network connect}: one more network for an attached container. */
    public Endpoint connect(String networkRef, String containerRef, EndpointRequest req) {
        lock.lock();
        try {
            Network n = registry.find(networkRef);
            Attachment a = findAttachment(containerRef);
            if (!a.hostNetwork() && a.netnsPath() == null) {
                throw new ForbiddenException("container cannot be connected to multiple networks with one of the networks in private (none) mode");
            }
            if (a.hostNetwork() || (a.endpoints().isEmpty() && !n.hasBridge())) {
                throw new ForbiddenException("container cannot be disconnected from host network or connected to host network");
            }
            if (!n.hasBridge()) {
                throw new ForbiddenException("container cannot be connected to network " + n.name() + " with other networks");
            }
            if (a.endpoints().stream().anyMatch(e -> e.networkId().equals(n.id()))) {
                throw new ForbiddenException("endpoint with name " + a.containerName() + " already exists in network " + n.name());
            }
            boolean defaultRoute = !n.internal() && a.endpoints().stream()
                    .noneMatch(e -> !registry.find(e.networkId()).internal());
            Endpoint e = wiring.connect(n, a.containerId(), a.containerName(), a.netnsPath(), freeInterface(a),
                    new EndpointRequest(n.id(), req == null ? List.of() : req.aliases(), req == null ? null : req.ipv4Address(),
                            req == null ? null : req.macAddress()),
                    defaultRoute, a.dnsServers());
            List<Endpoint> all = new ArrayList<>(a.endpoints());
            all.add(e);
            Attachment updated = a.withEndpoints(all);
            try {
                store.save(updated);
            } catch (RuntimeException ex) {
                wiring.disconnect(e, a.containerId());
                throw ex;
            }
            attachments.put(a.containerId(), updated);
            connectEvent("connect", e, a.containerId());
            return e;
        } finally {
            lock.unlock();
        }
    }

    /** {@code docker network disconnect}; ports that pointed at the endpoint go with it. */
    public void disconnect(String networkRef, String containerRef) {
        lock.lock();
        try {
            Network n = registry.find(networkRef);
            Attachment a = findAttachment(containerRef);
            Endpoint e = a.endpoints().stream().filter(x -> x.networkId().equals(n.id())).findFirst()
                    .orElseThrow(() -> new ForbiddenException("container " + a.containerId() + " is not connected to network " + n.name()));
            List<PortMapping> lost = a.ports().stream().filter(p -> p.containerIp().equals(e.ipAddress())).toList();
            if (!lost.isEmpty()) {
                firewall.remove(PortRules.of(lost));
            }
            wiring.disconnect(e, a.containerId());
            List<Endpoint> rest = new ArrayList<>(a.endpoints());
            rest.remove(e);
            List<PortMapping> ports = new ArrayList<>(a.ports());
            ports.removeAll(lost);
            Attachment updated = a.withEndpoints(rest).withPorts(ports);
            store.save(updated);
            attachments.put(a.containerId(), updated);
            connectEvent("disconnect", e, a.containerId());
        } finally {
            lock.unlock();
        }
    }

    /** The network state of a container, or NotFound. */
    public Attachment attachment(String containerId) {
        lock.lock();
        try {
            Attachment a = attachments.get(containerId);
            if (a == null) {
                throw new NotFoundException("container " + containerId + " has no network attachment");
            }
            return a;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Publishes ports to the container's first non-internal endpoint, all or nothing: host ports are bound first
     * (a port in use fails before any rule exists), then DNAT rules added. Returns the actual host ports. In host
     * mode, or with only internal networks, nothing is published (as with Docker) and the list is empty.
     */
    public List<PortMapping> publishPorts(String containerId, List<PortBinding> bindings) {
        lock.lock();
        try {
            Attachment a = attachment(containerId);
            Endpoint target = a.endpoints().stream().filter(e -> !registry.find(e.networkId()).internal()).findFirst().orElse(null);
            if (target == null || bindings.isEmpty()) {
                return List.of();
            }
            List<Integer> ports = reservations.reserve(containerId, bindings);
            List<PortMapping> mappings = new ArrayList<>();
            for (int i = 0; i < bindings.size(); i++) {
                PortBinding b = bindings.get(i);
                mappings.add(new PortMapping(b.hostIp() == null ? "0.0.0.0" : b.hostIp(), ports.get(i), b.containerPort(),
                        b.protocol(), target.ipAddress()));
            }
            try {
                firewall.apply(PortRules.of(mappings));
                List<PortMapping> all = new ArrayList<>(a.ports());
                all.addAll(mappings);
                Attachment updated = a.withPorts(all);
                store.save(updated);
                attachments.put(containerId, updated);
            } catch (RuntimeException e) {
                firewall.remove(PortRules.of(mappings));
                reservations.release(containerId);
                reserveAgain(a);
                throw e;
            }
            return mappings;
        } finally {
            lock.unlock();
        }
    }

    /** Removes every published port of the container (rules and reserved host ports). */
    public void unpublish(String containerId) {
        lock.lock();
        try {
            Attachment a = attachments.get(containerId);
            if (a != null) {
                Attachment updated = unpublishLocked(a);
                store.save(updated);
                attachments.put(containerId, updated);
            }
        } finally {
            lock.unlock();
        }
    }

    private Attachment unpublishLocked(Attachment a) {
        firewall.remove(PortRules.of(a.ports()));
        reservations.release(a.containerId());
        return a.withPorts(List.of());
    }

    private void reserveAgain(Attachment a) {
        if (a.ports().isEmpty()) {
            return;
        }
        List<PortBinding> again = a.ports().stream()
                .map(p -> new PortBinding(p.hostIp(), p.hostPort(), p.containerPort(), p.protocol())).toList();
        try {
            reservations.reserve(a.containerId(), again);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "container " + a.containerId() + ": cannot hold its host ports again: " + e.getMessage());
        }
    }

    /**
     * The container's {@code /etc/resolv.conf}. On a bridge network the nameserver is the embedded DNS on the first
     * network's gateway, which forwards to {@code --dns} servers if given, else the host's; search and options come
     * from the settings or the host. In host/none mode it is the host's file, with {@code --dns} replacing its servers.
     */
    public String resolvConf(String containerId, DnsSettings settings) {
        lock.lock();
        try {
            Attachment a = attachment(containerId);
            ResolvConf host = dns.hostResolvConf();
            List<String> search = settings.search().isEmpty() ? host.search() : settings.search();
            List<String> options = settings.options().isEmpty() ? host.options() : settings.options();
            Endpoint first = a.endpoints().stream().filter(e -> dns.serving(e.networkId())).findFirst().orElse(null);
            if (first == null) {
                List<String> servers = settings.servers().isEmpty() ? host.nameservers() : settings.servers();
                return new ResolvConf(servers, search, options).render();
            }
            Attachment updated = a.withDnsServers(settings.servers());
            store.save(updated);
            attachments.put(containerId, updated);
            for (Endpoint e : a.endpoints()) {
                dns.register(e, a.containerId(), settings.servers());
            }
            return new ResolvConf(List.of(first.gateway()), search, options).render();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The container's {@code /etc/hosts}: loopback entries, {@code --add-host} values ({@code name:ip}, with
     * {@code host-gateway} meaning the first network's gateway, where the host answers) and the container's own line.
     */
    public String hosts(String containerId, String hostname, List<String> extraHosts) {
        lock.lock();
        try {
            Attachment a = attachment(containerId);
            Endpoint first = a.endpoints().isEmpty() ? null : a.endpoints().getFirst();
            String gateway = first == null ? (a.hostNetwork() ? "127.0.0.1" : null) : first.gateway();
            List<HostsFile.Entry> extra = new ArrayList<>();
            for (String h : extraHosts == null ? List.<String>of() : extraHosts) {
                extra.add(HostsFile.parseExtraHost(h, gateway));
            }
            return HostsFile.render(hostname, first == null ? null : first.ipAddress(), extra);
        } finally {
            lock.unlock();
        }
    }

    private Attachment findAttachment(String ref) {
        Attachment a = attachments.get(ref);
        if (a != null) {
            return a;
        }
        String name = ref.startsWith("/") ? ref.substring(1) : ref;
        List<Attachment> matches = attachments.values().stream()
                .filter(x -> name.equals(x.containerName()) || (ref.length() >= 1 && x.containerId().startsWith(ref))).toList();
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        if (matches.isEmpty()) {
            throw new NotFoundException("No such container: " + ref);
        }
        throw new ConflictException("container " + ref + " is ambiguous");
    }

    private String freeInterface(Attachment a) {
        for (int i = 0; ; i++) {
            String name = "eth" + i;
            if (a.endpoints().stream().noneMatch(e -> e.interfaceName().equals(name))) {
                return name;
            }
        }
    }

    private void connectEvent(String action, Endpoint e, String containerId) {
        Network n = registry.all().stream().filter(x -> x.id().equals(e.networkId())).findFirst().orElse(null);
        events.publish("network", action, e.networkId(), Map.of("name", e.networkName(), "type",
                n == null ? "bridge" : n.driver(), "container", containerId));
    }

    private static String now() {
        return Instant.now().toString();
    }

    // ---------------------------------------------------------------- repair

    /**
     * Makes the host match the records, as after a restart or crash: rebuilds this engine's rules from scratch
     * (network rules, published ports), re-creates missing bridges and veths of containers whose namespace still
     * exists, drops attachments whose namespace is gone, and deletes leases, veths and namespaces of this engine
     * that no record owns. What another engine on the host made is never touched: its rules carry another owner
     * comment, its namespaces and veths another tag in their names (see {@link EngineTag}).
     */
    public void reconcile() {
        lock.lock();
        try {
            firewall.ensureBase();
            firewall.removeOwned();
            for (Network n : registry.all()) {
                setUpBridge(n);
                dns.start(n);
            }
            reservations.close();
            for (Attachment a : List.copyOf(attachments.values())) {
                if (!a.hostNetwork() && a.netnsPath() != null && !netns.exists(java.nio.file.Path.of(a.netnsPath()))) {
                    LOG.info("container " + a.containerId() + " lost its network namespace; releasing its endpoints");
                    attachments.remove(a.containerId());
                    // Best effort: a full data disk must not keep the engine from starting (the records are
                    // released again at the next start, and nothing else uses them meanwhile).
                    startupStep("release the endpoints of " + a.containerId(), () -> {
                        for (Endpoint e : a.endpoints()) {
                            wiring.disconnect(e, a.containerId());
                        }
                        store.deleteAttachment(a.containerId());
                    });
                    continue;
                }
                repairEndpoints(a);
            }
            startupStep("release orphaned leases, veths and namespaces", this::releaseOrphans);
        } finally {
            lock.unlock();
        }
    }

    private static void startupStep(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not " + what + " while starting: " + e.getMessage());
        }
    }

    private void repairEndpoints(Attachment a) {
        boolean routed = false;
        for (Endpoint e : a.endpoints()) {
            Network n = registry.find(e.networkId());
            boolean defaultRoute = !routed && !n.internal();
            routed |= defaultRoute;
            try {
                if (links.exists(e.hostVeth())) {
                    // The bridge may have been re-created just now, which leaves its former ports detached.
                    links.enslave(e.hostVeth(), n.bridge());
                } else {
                    wiring.rewire(n, e, a.netnsPath(), defaultRoute);
                }
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "cannot repair " + e.hostVeth() + " of " + a.containerId() + ": " + ex.getMessage());
            }
            dns.register(e, a.containerId(), a.dnsServers());
        }
        firewall.apply(PortRules.of(a.ports()));
        reserveAgain(a);
    }

    private void releaseOrphans() {
        Map<String, Boolean> owners = new HashMap<>();
        List<String> veths = new ArrayList<>();
        for (Attachment a : attachments.values()) {
            owners.put(a.containerId(), true);
            a.endpoints().forEach(e -> veths.add(e.hostVeth()));
        }
        for (Network n : registry.all()) {
            if (registry.pool(n.id()) != null) {
                for (Map.Entry<Ipv4, String> lease : registry.pool(n.id()).leases().entrySet()) {
                    if (!owners.containsKey(lease.getValue())) {
                        registry.pool(n.id()).release(lease.getKey(), lease.getValue());
                    }
                }
            }
            if (n.hasBridge()) {
                for (String port : links.portsOf(n.bridge())) {
                    if (port.startsWith(tag.vethPrefix()) && !veths.contains(port)) {
                        links.delete(port);
                    }
                }
            }
        }
        java.io.File[] named = java.nio.file.Path.of("/run/netns").toFile().listFiles();
        for (java.io.File f : named == null ? new java.io.File[0] : named) {
            String name = f.getName();
            if (name.startsWith(tag.netnsPrefix()) && attachments.values().stream()
                    .noneMatch(a -> a.ownsNetns() && name.equals(java.nio.file.Path.of(a.netnsPath()).getFileName().toString()))) {
                netns.delete(name);
            }
        }
    }

    /** Stops the DNS servers and lets go of the host ports. Rules and links stay for running containers. */
    @Override
    public void close() {
        lock.lock();
        try {
            dns.close();
            reservations.close();
        } finally {
            lock.unlock();
        }
    }
}
