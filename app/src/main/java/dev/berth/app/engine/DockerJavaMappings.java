package dev.berth.app.engine;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** docker-java's list models as the app's summaries, with absent fields as empty values. */
final class DockerJavaMappings {
    private DockerJavaMappings() {}

    /** A container as the Containers page lists it. */
    static ContainerSummary container(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? c.getId().substring(0, 12)
                : c.getNames()[0].replaceFirst("^/", "");
        List<PortMapping> ports = new ArrayList<>();
        for (ContainerPort p : c.getPorts() == null ? new ContainerPort[0] : c.getPorts()) {
            ports.add(new PortMapping(nz(p.getIp()), p.getPublicPort() == null ? 0 : p.getPublicPort(),
                    p.getPrivatePort() == null ? 0 : p.getPrivatePort(), p.getType() == null ? "tcp" : p.getType()));
        }
        List<String> volumes = c.getMounts() == null ? List.of()
                : c.getMounts().stream().map(ContainerMount::getName).filter(Objects::nonNull).toList();
        return new ContainerSummary(c.getId(), name, nz(c.getImage()), nz(c.getImageId()), nz(c.getState()),
                nz(c.getStatus()), dedupe(ports), Instant.ofEpochSecond(c.getCreated() == null ? 0 : c.getCreated()),
                c.getLabels() == null ? Map.of() : c.getLabels(), volumes);
    }

    /** Engines list a port once per address family (0.0.0.0 and ::); a person wants it once. */
    private static List<PortMapping> dedupe(List<PortMapping> ports) {
        List<PortMapping> out = new ArrayList<>();
        for (PortMapping p : ports) {
            boolean seen = out.stream().anyMatch(o -> o.publicPort() == p.publicPort()
                    && o.privatePort() == p.privatePort() && o.protocol().equals(p.protocol()));
            if (!seen) {
                out.add(p);
            }
        }
        return out;
    }

    /** An image with its tags ({@code <none>:<none>} is no tag). */
    static ImageSummary image(Image i) {
        List<String> tags = i.getRepoTags() == null ? List.of()
                : Arrays.stream(i.getRepoTags()).filter(t -> !t.equals("<none>:<none>")).toList();
        return new ImageSummary(i.getId(), tags, Instant.ofEpochSecond(i.getCreated() == null ? 0 : i.getCreated()),
                i.getSize() == null ? 0 : i.getSize());
    }

    /** A network with its subnets. */
    static NetworkSummary network(Network n) {
        List<String> subnets = n.getIpam() == null || n.getIpam().getConfig() == null ? List.of()
                : n.getIpam().getConfig().stream().map(Network.Ipam.Config::getSubnet).filter(Objects::nonNull)
                        .toList();
        return new NetworkSummary(n.getId(), n.getName(), nz(n.getDriver()), nz(n.getScope()),
                Boolean.TRUE.equals(n.getInternal()), subnets);
    }

    /**
     * The engine's product name. Podman names itself only in a component ("Podman Engine") and puts its platform
     * ("linux/amd64/debian-12") in {@code Platform.Name}; dockerd and berthd put the product there ("Docker Engine
     * - Community", "Berth"); moby builds without a platform name call their component just "Engine".
     */
    static String productName(Version v) {
        List<String> components = v.getComponents() == null ? List.of()
                : v.getComponents().stream().map(c -> c.getName()).filter(Objects::nonNull).toList();
        for (String component : components) {
            if (component.endsWith(" Engine")) {
                return component;
            }
        }
        String platform = v.getPlatform() == null ? null : v.getPlatform().getName();
        if (platform != null && !platform.isBlank() && !platform.contains("/")) {
            return platform;
        }
        if (!components.isEmpty()) {
            return components.getFirst().equals("Engine") ? "Docker Engine" : components.getFirst();
        }
        return "";
    }

    /** An absent string as empty, as every field of the app's models is. */
    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** An absent number as 0. */
    static long nz(Long l) {
        return l == null ? 0 : l;
    }

    /** An RFC 3339 time as the engine sends it; the epoch when it is missing or not a time. */
    static java.time.Instant instant(String s) {
        try {
            return s == null || s.isBlank() ? java.time.Instant.EPOCH : java.time.OffsetDateTime.parse(s).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.Instant.EPOCH;
        }
    }
}
