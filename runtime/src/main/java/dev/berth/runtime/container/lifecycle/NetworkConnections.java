package dev.berth.runtime.container.lifecycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.RunState;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.errors.ForbiddenException;
import dev.berth.runtime.network.EndpointRequest;
import dev.berth.runtime.network.NetworkConnector;
import dev.berth.runtime.network.NetworkService;

/**
 * {@code docker network connect/disconnect} for a container in any state. A running one is wired now by the network
 * service; a created or stopped one gets the network in its {@code NetworkingConfig} and joins it at its next start,
 * as dockerd does — docker-compose creates each container and then connects it with its aliases before starting it.
 */
public final class NetworkConnections implements NetworkConnector {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ContainerStore store;
    private final NetworkService networks;

    public NetworkConnections(ContainerStore store, NetworkService networks) {
        this.store = store;
        this.networks = networks;
    }

    @Override
    public void connect(String networkRef, String containerRef, EndpointRequest request,
            com.fasterxml.jackson.databind.JsonNode asSent) {
        Container c = store.resolve(containerRef);
        String network = networks.inspect(networkRef).network().name();
        if (live(c)) {
            networks.connect(networkRef, c.id(), request);
            // Inspect shows the new network at once, and a restart joins it again (dockerd keeps it configured).
            store.update(c.id(),
                    x -> refreshed(x.withNetworkingConfig(endpoints(x, e -> configure(e, network, request, asSent)))));
            return;
        }
        String mode = c.hostConfigView().networkMode();
        if (mode.equals("host") || mode.equals("none") || mode.startsWith("container:")) {
            throw new ForbiddenException("container " + c.name().replaceFirst("^/", "") + " uses network mode " + mode
                    + " and cannot be connected to network " + network);
        }
        store.update(c.id(), x -> x.withNetworkingConfig(endpoints(x, e -> configure(e, network, request, asSent))));
    }

    private static void configure(ObjectNode endpoints, String network, EndpointRequest request,
            com.fasterxml.jackson.databind.JsonNode asSent) {
        ObjectNode endpoint = endpoints.putObject(network);
        if (asSent instanceof ObjectNode sent) {
            // what inspect echoes (IPAMConfig with LinkLocalIPs, DriverOpts …); the fields below are the ones read back
            endpoint.setAll(sent.deepCopy());
        }
        var aliases = endpoint.putArray("Aliases");
        request.aliases().forEach(aliases::add);
        ObjectNode ipam = endpoint.get("IPAMConfig") instanceof ObjectNode sentIpam ? sentIpam : F.objectNode();
        if (request.ipv4Address() != null && !request.ipv4Address().isBlank()) {
            ipam.put("IPv4Address", request.ipv4Address());
        }
        if (request.ipv6Address() != null) {
            ipam.put("IPv6Address", request.ipv6Address());
        }
        if (!ipam.isEmpty()) {
            endpoint.set("IPAMConfig", ipam);
        }
        if (request.macAddress() != null) {
            endpoint.put("MacAddress", request.macAddress());
        }
        if (!request.links().isEmpty()) {
            var links = endpoint.putArray("Links");
            request.links().forEach(links::add);
        }
    }

    /** The container with NetworkSettings.Networks drawn again from its live endpoints. */
    private Container refreshed(Container x) {
        ObjectNode settings = x.networkSettings() == null ? F.objectNode() : x.networkSettings().deepCopy();
        settings.set("Networks", ServiceNetwork.networks(networks.attachment(x.id()), x.networkingConfig()));
        return x.withNetworkSettings(settings);
    }

    @Override
    public void disconnect(String networkRef, String containerRef) {
        Container c = store.resolve(containerRef);
        String network = networks.inspect(networkRef).network().name();
        if (live(c)) {
            networks.disconnect(networkRef, c.id());
            store.update(c.id(), x -> refreshed(x.withNetworkingConfig(endpoints(x, e -> e.remove(network)))));
            return;
        }
        store.update(c.id(), x -> x.withNetworkingConfig(endpoints(x, e -> e.remove(network))));
    }

    /** Whether the container has a network namespace the service wired (running, paused or restarting). */
    private static boolean live(Container c) {
        RunState.Status s = c.state().status();
        return s == RunState.Status.RUNNING || s == RunState.Status.PAUSED || s == RunState.Status.RESTARTING;
    }

    /** A copy of the container's NetworkingConfig with {@code change} applied to its EndpointsConfig. */
    private static ObjectNode endpoints(Container c, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode config = c.networkingConfig() == null ? F.objectNode() : c.networkingConfig().deepCopy();
        ObjectNode endpoints = config.has("EndpointsConfig") && config.get("EndpointsConfig").isObject()
                ? (ObjectNode) config.get("EndpointsConfig") : config.putObject("EndpointsConfig");
        change.accept(endpoints);
        return config;
    }
}
