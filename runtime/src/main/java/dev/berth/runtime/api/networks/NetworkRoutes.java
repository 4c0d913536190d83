package dev.berth.runtime.api.networks;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.network.EndpointRequest;
import dev.berth.runtime.network.NetworkCreateRequest;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.network.Network;
import dev.berth.runtime.network.NetworkConnector;
import dev.berth.runtime.network.NetworkService;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

/**
 * {@code /networks}: list, inspect, create, remove, prune, connect, disconnect. Connect and disconnect go through a
 * {@link NetworkConnector}: running containers are wired at once, created and stopped ones at their next start.
 */
public final class NetworkRoutes implements Routes {
    private final NetworkService service;
    private final NetworkConnector connector;
    private final Clock clock;

    public NetworkRoutes(NetworkService service, NetworkConnector connector, Clock clock) {
        this.service = service;
        this.connector = connector;
        this.clock = clock;
    }

    @Override
    public void register(Router r) {
        r.add("GET", "/networks", (req, res) -> res.json(200, service.list().stream()
                .filter(NetworkFilters.list(req.filters())).map(v -> NetworkResource.of(v, false)).toList()));
        r.add("POST", "/networks/create", (req, res) -> {
            var n = service.create(toRequest(req.bodyJson(NetworkCreateBody.class)));
            res.json(201, Map.of("Id", n.id(), "Warning", ""));
        });
        r.add("POST", "/networks/prune", (req, res) -> {
            List<String> deleted = service.prune(NetworkFilters.prune(req.filters(), clock.instant()));
            res.json(200, Map.of("NetworksDeleted", deleted));
        });
        r.add("GET", "/networks/{id}",
                (req, res) -> res.json(200, NetworkResource.of(service.inspect(req.pathParam("id")), true)));
        r.add("DELETE", "/networks/{id}", (req, res) -> {
            service.remove(req.pathParam("id"));
            res.status(204);
        });
        r.add("POST", "/networks/{id}/connect", (req, res) -> {
            com.fasterxml.jackson.databind.JsonNode raw = req.bodyJson(com.fasterxml.jackson.databind.JsonNode.class);
            ConnectBody body = requireContainer(raw == null ? null : Json.MAPPER.convertValue(raw, ConnectBody.class));
            ConnectBody.EndpointConfig ec = body.endpointConfig();
            String ip = ec == null || ec.ipamConfig() == null ? null : ec.ipamConfig().ipv4Address();
            connector.connect(req.pathParam("id"), body.container(),
                    new EndpointRequest(req.pathParam("id"), ec == null ? List.of() : ec.aliases(), ip,
                            ec == null ? null : ec.macAddress(), ec == null ? List.of() : ec.links(),
                            ec == null || ec.ipamConfig() == null ? null : ec.ipamConfig().ipv6Address()),
                    raw.get("EndpointConfig"));
            res.status(200);
        });
        r.add("POST", "/networks/{id}/disconnect", (req, res) -> {
            ConnectBody body = requireContainer(req.bodyJson(ConnectBody.class));
            connector.disconnect(req.pathParam("id"), body.container());
            res.status(200);
        });
    }

    private static ConnectBody requireContainer(ConnectBody body) {
        if (body == null || body.container() == null || body.container().isBlank()) {
            throw new InvalidArgumentException("container is required");
        }
        return body;
    }

    /** Maps the API body to the service request, rejecting what Berth cannot do instead of ignoring it. */
    static NetworkCreateRequest toRequest(NetworkCreateBody b) {
        if (b == null) {
            throw new InvalidArgumentException("network name is required");
        }
        if (b.ingress() || b.configOnly()) {
            throw new InvalidArgumentException(
                    "ingress and config-only networks need swarm, which berthd does not run");
        }
        NetworkCreateBody.PoolBody v4 = null;
        NetworkCreateBody.PoolBody v6 = null;
        if (b.ipam() != null) {
            String driver = b.ipam().driver();
            if (driver != null && !driver.isBlank() && !driver.equals("default")) {
                throw new NotFoundException("IPAM driver \"" + driver + "\" not found");
            }
            for (NetworkCreateBody.PoolBody p : b.ipam().config() == null ? List.<NetworkCreateBody.PoolBody>of()
                    : b.ipam().config()) {
                boolean six = Stream.of(p.subnet(), p.gateway(), p.ipRange())
                        .anyMatch(a -> a != null && a.contains(":"));
                if ((six ? v6 : v4) != null) {
                    throw new InvalidArgumentException("berthd supports one IPv4 and one IPv6 pool per network");
                }
                if (blankToNull(p.subnet()) == null
                        && (blankToNull(p.gateway()) != null || blankToNull(p.ipRange()) != null)) {
                    throw new InvalidArgumentException("gateway and ip-range need a subnet");
                }
                if (six) {
                    v6 = p;
                } else {
                    v4 = p;
                }
            }
        }
        Network.Ipv6Settings ipv6 = v6 == null ? null
                : new Network.Ipv6Settings(blankToNull(v6.subnet()), blankToNull(v6.gateway()),
                        blankToNull(v6.ipRange()));
        return new NetworkCreateRequest(b.name(), b.driver(), v4 == null ? null : blankToNull(v4.subnet()),
                v4 == null ? null : blankToNull(v4.gateway()), v4 == null ? null : blankToNull(v4.ipRange()),
                b.internal(),
                b.attachable(), Boolean.TRUE.equals(b.enableIpv6()), b.labels(), b.options(), ipv6);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
