package dev.berth.runtime.api.networks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The bodies of {@code POST /networks/{id}/connect} and {@code .../disconnect}. */
public record ConnectBody(@JsonProperty("Container") String container,
        @JsonProperty("EndpointConfig") EndpointConfig endpointConfig,
        @JsonProperty("Force") boolean force) {

    /** The endpoint settings Berth honours (and echoes in inspect, as dockerd does). */
    public record EndpointConfig(@JsonProperty("Aliases") List<String> aliases,
            @JsonProperty("IPAMConfig") IpamConfig ipamConfig,
            @JsonProperty("MacAddress") String macAddress,
            @JsonProperty("Links") List<String> links,
            @JsonProperty("DriverOpts") java.util.Map<String, String> driverOpts) {}

    /** Static addresses. */
    public record IpamConfig(@JsonProperty("IPv4Address") String ipv4Address,
            @JsonProperty("IPv6Address") String ipv6Address,
            @JsonProperty("LinkLocalIPs") List<String> linkLocalIps) {}
}
