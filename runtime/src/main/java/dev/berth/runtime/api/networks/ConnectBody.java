package dev.berth.runtime.api.networks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The bodies of {@code POST /networks/{id}/connect} and {@code .../disconnect}. */
public record ConnectBody(@JsonProperty("Container") String container,
                          @JsonProperty("EndpointConfig") EndpointConfig endpointConfig,
                          @JsonProperty("Force") boolean force) {

    /** The endpoint settings Berth honours. */
    public record EndpointConfig(@JsonProperty("Aliases") List<String> aliases,
                                 @JsonProperty("IPAMConfig") IpamConfig ipamConfig,
                                 @JsonProperty("MacAddress") String macAddress) {}

    /** Static addresses. */
    public record IpamConfig(@JsonProperty("IPv4Address") String ipv4Address,
                             @JsonProperty("IPv6Address") String ipv6Address) {}
}
