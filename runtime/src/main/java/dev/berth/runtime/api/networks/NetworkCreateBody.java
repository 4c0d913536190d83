package dev.berth.runtime.api.networks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /networks/create} (moby {@code network.CreateRequest}); fields Berth ignores are not listed. */
public record NetworkCreateBody(
        @JsonProperty("Name") String name,
        @JsonProperty("Driver") String driver,
        @JsonProperty("Internal") boolean internal,
        @JsonProperty("Attachable") boolean attachable,
        @JsonProperty("Ingress") boolean ingress,
        @JsonProperty("ConfigOnly") boolean configOnly,
        @JsonProperty("EnableIPv6") Boolean enableIpv6,
        @JsonProperty("IPAM") IpamBody ipam,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("Labels") Map<String, String> labels) {

    /** IPAM part of the request. */
    public record IpamBody(@JsonProperty("Driver") String driver, @JsonProperty("Config") List<PoolBody> config,
            @JsonProperty("Options") Map<String, String> options) {}

    /** One requested pool. */
    public record PoolBody(@JsonProperty("Subnet") String subnet, @JsonProperty("IPRange") String ipRange,
            @JsonProperty("Gateway") String gateway,
            @JsonProperty("AuxiliaryAddresses") Map<String, String> auxiliaryAddresses) {}
}
