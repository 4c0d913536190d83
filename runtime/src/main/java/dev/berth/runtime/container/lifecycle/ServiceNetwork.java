package dev.berth.runtime.container.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.links.LinkEnvironment;
import dev.berth.runtime.container.links.LinkGraph;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.HostConfig;
import dev.berth.runtime.container.run.EtcFiles;
import dev.berth.runtime.network.DnsSettings;
import dev.berth.runtime.network.Endpoint;
import dev.berth.runtime.network.EndpointRequest;
import dev.berth.runtime.network.NetworkService;
import dev.berth.runtime.network.ports.PortBinding;
import dev.berth.runtime.network.ports.PortMapping;
import dev.berth.runtime.network.ports.PortSpecs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Networking from the network service: the container's network mode and {@code NetworkingConfig} become
 * endpoint requests, its PortBindings (and {@code -P}) published ports, and the service writes its
 * /etc/hosts and /etc/resolv.conf (the embedded DNS on user networks).
 */
public final class ServiceNetwork implements NetworkHook {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final NetworkService service;

    public ServiceNetwork(NetworkService service) {
        this.service = service;
    }

    @Override
    public NetworkHook.Attachment attach(Container c, List<LinkGraph.Target> links) throws java.io.IOException {
        HostConfig host = c.hostConfigView();
        String mode = host.networkMode();
        List<EndpointRequest> requests = new ArrayList<>();
        String primary = mode.equals("default") ? "bridge" : mode;
        requests.add(request(c, primary, true));
        JsonNode extra = c.networkingConfig() == null ? null : c.networkingConfig().get("EndpointsConfig");
        if (extra != null) {
            extra.fieldNames().forEachRemaining(name -> {
                if (!name.equals(primary) && !name.equals(mode)) {
                    requests.add(request(c, name, false));
                }
            });
        }
        service.detach(c.id());
        dev.berth.runtime.network.Attachment a = service.attach(c.id(), c.name(), null, requests);
        try {
            List<PortMapping> ports = a.hostNetwork() ? List.of() : service.publishPorts(c.id(), bindings(c));
            String resolv = service.resolvConf(c.id(),
                    new DnsSettings(host.dns(), host.dnsSearch(), host.dnsOptions()));
            List<String> extraHosts = new ArrayList<>(host.extraHosts());
            List<String> linkEnv = new ArrayList<>();
            for (LinkGraph.Target t : links) {
                String ip = bridgeAddress(t.container());
                // dockerd's /etc/hosts line for a link: the alias, the target's host name and its container name
                for (String name : new LinkedHashSet<>(
                        List.of(t.link().alias(), EtcFiles.hostname(t.container()), t.container().name()))) {
                    extraHosts.add(name + ":" + ip);
                }
                linkEnv.addAll(LinkEnvironment.of(c.name(), t.link(), t.container(), ip));
            }
            String hosts = service.hosts(c.id(), EtcFiles.hostname(c), extraHosts);
            return new NetworkHook.Attachment(a.netnsPath(), a.hostNetwork(), hosts, resolv, settings(c, a, ports),
                    linkEnv);
        } catch (RuntimeException e) {
            detach(c);
            throw e;
        }
    }

    /** The address a linked container has on the default bridge, where legacy links live. */
    private String bridgeAddress(Container target) {
        return service.attachment(target.id()).endpoints().stream().filter(e -> e.networkName().equals("bridge"))
                .map(Endpoint::ipAddress).findFirst().orElseThrow(() -> new dev.berth.runtime.errors.ConflictException(
                        "Cannot link to /" + target.name() + ": it is not on the default bridge network"));
    }

    private static EndpointRequest request(Container c, String network, boolean primary) {
        JsonNode cfg = c.networkingConfig() == null ? null : c.networkingConfig().path("EndpointsConfig").get(network);
        List<String> aliases = new ArrayList<>();
        List<String> links = new ArrayList<>();
        String ip = null;
        String ip6 = null;
        String mac = null;
        if (primary && !LinkGraph.legacy(c)) {
            // On a user network, --link is a name this container alone resolves (the CLI moves it there itself)
            links.addAll(c.hostConfigView().links());
        }
        if (cfg != null) {
            cfg.path("Aliases").forEach(a -> aliases.add(a.asText()));
            cfg.path("Links").forEach(l -> links.add(l.asText()));
            String wanted = cfg.path("IPAMConfig").path("IPv4Address").asText("");
            ip = wanted.isEmpty() ? null : wanted;
            String wanted6 = cfg.path("IPAMConfig").path("IPv6Address").asText("");
            ip6 = wanted6.isEmpty() ? null : wanted6;
            mac = cfg.path("MacAddress").asText("");
        }
        if ((mac == null || mac.isEmpty()) && primary) {
            // API 1.41 and older put --mac-address in Config.MacAddress; it applies to the container's first network.
            mac = c.config() == null ? "" : c.config().path("MacAddress").asText("");
        }
        return new EndpointRequest(network, aliases, ip, mac, links, ip6);
    }

    /** PortBindings, plus every exposed port without one when PublishAllPorts (-P) is set. */
    private static List<PortBinding> bindings(Container c) {
        HostConfig host = c.hostConfigView();
        List<PortBinding> out = new ArrayList<>();
        Set<String> bound = new LinkedHashSet<>();
        for (Map.Entry<String, List<HostConfig.PortBinding>> e : host.portBindings().entrySet()) {
            String key = e.getKey().contains("/") ? e.getKey() : e.getKey() + "/tcp";
            bound.add(key);
            List<HostConfig.PortBinding> list = e.getValue().isEmpty() ? List.of(new HostConfig.PortBinding("", ""))
                    : e.getValue();
            for (HostConfig.PortBinding b : list) {
                out.add(PortSpecs.fromApi(key, b.hostIp(), b.hostPort()));
            }
        }
        if (host.publishAllPorts()) {
            List<String> rest = c.configView().exposedPorts().stream()
                    .filter(p -> !bound.contains(p.contains("/") ? p : p + "/tcp")).toList();
            out.addAll(PortSpecs.publishAll(rest));
        }
        return out;
    }

    /**
     * {@code NetworkSettings.Networks} of an attachment: the one rendering of a container's endpoints, used at start and
     * after a live {@code network connect} or {@code disconnect} alike.
     */
    static ObjectNode networks(dev.berth.runtime.network.Attachment a, JsonNode networkingConfig) {
        ObjectNode networks = F.objectNode();
        for (Endpoint e : a.endpoints()) {
            ObjectNode n = networks.putObject(e.networkName());
            echoRequest(n, endpointConfig(networkingConfig, e.networkName()));
            n.set("Aliases", F.pojoNode(e.aliases()));
            n.put("MacAddress", e.macAddress() == null ? "" : e.macAddress());
            n.put("NetworkID", e.networkId());
            n.put("EndpointID", e.endpointId() == null ? "" : e.endpointId());
            n.put("Gateway", e.gateway() == null ? "" : e.gateway());
            n.put("IPAddress", e.ipAddress() == null ? "" : e.ipAddress());
            n.put("IPPrefixLen", e.prefixLength());
            n.put("IPv6Gateway", e.ipv6Gateway() == null ? "" : e.ipv6Gateway());
            n.put("GlobalIPv6Address", e.ipv6Address() == null ? "" : e.ipv6Address());
            n.put("GlobalIPv6PrefixLen", e.ipv6PrefixLength());
            n.set("DNSNames", F.pojoNode(e.dnsNames()));
        }
        if (a.hostNetwork()) {
            networks.putObject("host").put("NetworkID", "host").put("IPAddress", "");
        }
        return networks;
    }

    /**
     * {@code NetworkSettings.Networks} of a container that has not run: the networks it is configured for, with what
     * the create or connect request said (aliases, IPAMConfig, links, driver options), as dockerd shows right after
     * create; addresses come at start.
     */
    public static ObjectNode configuredNetworks(Container c) {
        ObjectNode networks = F.objectNode();
        String mode = c.hostConfigView().networkMode();
        String primary = mode.equals("default") || mode.isEmpty() ? "bridge" : mode;
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        if (!primary.startsWith("container:")) {
            names.add(primary);
        }
        JsonNode endpoints = c.networkingConfig() == null ? null : c.networkingConfig().get("EndpointsConfig");
        if (endpoints != null) {
            endpoints.fieldNames().forEachRemaining(names::add);
        }
        for (String name : names) {
            ObjectNode n = networks.putObject(name);
            JsonNode cfg = endpointConfig(c.networkingConfig(), name);
            echoRequest(n, cfg);
            JsonNode aliases = cfg == null ? null : cfg.get("Aliases");
            n.set("Aliases", aliases == null || aliases.isNull() ? F.nullNode() : aliases.deepCopy());
            n.put("MacAddress", cfg == null ? "" : cfg.path("MacAddress").asText(""));
            n.put("NetworkID", cfg == null ? "" : cfg.path("NetworkID").asText(""));
            n.put("EndpointID", "");
            n.put("Gateway", "");
            n.put("IPAddress", "");
            n.put("IPPrefixLen", 0);
            n.put("IPv6Gateway", "");
            n.put("GlobalIPv6Address", "");
            n.put("GlobalIPv6PrefixLen", 0);
            n.putNull("DNSNames");
        }
        return networks;
    }

    private static JsonNode endpointConfig(JsonNode networkingConfig, String network) {
        JsonNode cfg = networkingConfig == null ? null : networkingConfig.path("EndpointsConfig").get(network);
        return cfg == null || cfg.isNull() ? null : cfg;
    }

    /** IPAMConfig, Links and DriverOpts as the request gave them (null when it did not), which dockerd echoes. */
    private static void echoRequest(ObjectNode n, JsonNode cfg) {
        for (String field : List.of("IPAMConfig", "Links", "DriverOpts")) {
            JsonNode v = cfg == null ? null : cfg.get(field);
            n.set(field, v == null || v.isNull() || (v.isContainerNode() && v.isEmpty()) ? F.nullNode() : v.deepCopy());
        }
    }

    /** NetworkSettings as inspect shows it: Ports (null for exposed but unpublished), Networks, and the first address. */
    private static ObjectNode settings(Container c, dev.berth.runtime.network.Attachment a, List<PortMapping> ports) {
        ObjectNode s = F.objectNode();
        ObjectNode portsJson = s.putObject("Ports");
        for (String exposed : c.configView().exposedPorts()) {
            portsJson.putNull(exposed.contains("/") ? exposed : exposed + "/tcp");
        }
        for (PortMapping p : ports) {
            JsonNode existing = portsJson.get(p.portKey());
            var arr = existing != null && existing.isArray() ? (com.fasterxml.jackson.databind.node.ArrayNode) existing
                    : portsJson.putArray(p.portKey());
            arr.addObject().put("HostIp", p.hostIp() == null || p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp())
                    .put("HostPort", Integer.toString(p.hostPort()));
        }
        s.put("SandboxKey", a.netnsPath() == null ? "" : a.netnsPath());
        s.set("Networks", networks(a, c.networkingConfig()));
        Endpoint first = a.endpoints().stream().filter(e -> e.ipAddress() != null).findFirst().orElse(null);
        if (first != null) {
            s.put("IPAddress", first.ipAddress());
            s.put("IPPrefixLen", first.prefixLength());
            s.put("Gateway", first.gateway() == null ? "" : first.gateway());
            s.put("MacAddress", first.macAddress() == null ? "" : first.macAddress());
            s.put("EndpointID", first.endpointId() == null ? "" : first.endpointId());
            s.put("GlobalIPv6Address", first.ipv6Address() == null ? "" : first.ipv6Address());
            s.put("GlobalIPv6PrefixLen", first.ipv6PrefixLength());
            s.put("IPv6Gateway", first.ipv6Gateway() == null ? "" : first.ipv6Gateway());
        }
        return s;
    }

    @Override
    public void detach(Container c) {
        service.unpublish(c.id());
        service.detach(c.id());
    }
}
