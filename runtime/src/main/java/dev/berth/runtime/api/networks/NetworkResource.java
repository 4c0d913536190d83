package dev.berth.runtime.api.networks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.runtime.network.Network;
import dev.berth.runtime.network.NetworkView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A network in the shape of moby's {@code api/types/network.Inspect} (list entries use the same shape). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NetworkResource(
        @JsonProperty("Name") String name,
        @JsonProperty("Id") String id,
        @JsonProperty("Created") String created,
        @JsonProperty("Scope") String scope,
        @JsonProperty("Driver") String driver,
        @JsonProperty("EnableIPv4") boolean enableIpv4,
        @JsonProperty("EnableIPv6") boolean enableIpv6,
        @JsonProperty("IPAM") Ipam ipam,
        @JsonProperty("Internal") boolean internal,
        @JsonProperty("Attachable") boolean attachable,
        @JsonProperty("Ingress") boolean ingress,
        @JsonProperty("ConfigFrom") Map<String, String> configFrom,
        @JsonProperty("ConfigOnly") boolean configOnly,
        @JsonProperty("Containers") Map<String, EndpointResource> containers,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("Labels") Map<String, String> labels) {

    /** IPAM settings: always the default driver. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Ipam(@JsonProperty("Driver") String driver, @JsonProperty("Options") Map<String, String> options,
            @JsonProperty("Config") List<IpamConfig> config) {}

    /** One address pool of a network. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IpamConfig(@JsonProperty("Subnet") String subnet, @JsonProperty("IPRange") String ipRange,
            @JsonProperty("Gateway") String gateway) {}

    /** A container on the network. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EndpointResource(@JsonProperty("Name") String name, @JsonProperty("EndpointID") String endpointId,
            @JsonProperty("MacAddress") String macAddress,
            @JsonProperty("IPv4Address") String ipv4Address,
            @JsonProperty("IPv6Address") String ipv6Address) {}

    /** The inspect form; {@code withContainers} false gives the list form, where dockerd leaves Containers empty. */
    public static NetworkResource of(NetworkView v, boolean withContainers) {
        Network n = v.network();
        List<IpamConfig> config = new ArrayList<>();
        if (n.subnet() != null) {
            config.add(new IpamConfig(n.subnet(), n.ipRange(), n.gateway()));
        }
        if (n.ipv6() != null) {
            config.add(new IpamConfig(n.ipv6().subnet(), n.ipv6().range(), n.ipv6().gateway()));
        }
        Map<String, EndpointResource> containers = new LinkedHashMap<>();
        if (withContainers) {
            v.containers()
                    .forEach((id, c) -> containers.put(id, new EndpointResource(c.name(), c.endpoint().endpointId(),
                            c.endpoint().macAddress(), c.endpoint().ipAddress() + "/" + c.endpoint().prefixLength(),
                            c.endpoint().ipv6Address() == null ? ""
                                    : c.endpoint().ipv6Address() + "/" + c.endpoint().ipv6PrefixLength())));
        }
        return new NetworkResource(n.name(), n.id(), n.created(), "local", n.driver(), true, n.enableIpv6(),
                new Ipam("default", Map.of(), config), n.internal(), n.attachable(), false, Map.of("Network", ""),
                false,
                containers, n.options(), n.labels());
    }
}
