package dev.berth.runtime.api.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.exec.ExecStore;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.MountPoint;
import dev.berth.runtime.container.model.RunState;
import dev.berth.runtime.container.run.RootFs;
import dev.berth.runtime.storage.Layer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Docker's JSON views of a container: the {@code docker ps} summary and the full inspect document. */
final class ContainerViews {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final RootFs rootFs;
    private final java.util.function.Function<String, Path> dirs;
    private final ExecStore execs;
    private final ContainerServices containers;

    ContainerViews(ContainerServices containers) {
        this.containers = containers;
        this.rootFs = containers.rootFs();
        this.dirs = id -> containers.store().dir(id);
        this.execs = containers.execs();
    }

    /** "Up 3 minutes", "Exited (0) 2 seconds ago", "Created" — docker ps's STATUS column. */
    static String status(RunState s) {
        return switch (s.status()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + HumanTime.since(s.startedAt()) + healthSuffix(s);
            case PAUSED -> "Up " + HumanTime.since(s.startedAt()) + " (Paused)";
            case RESTARTING -> "Restarting (" + s.exitCode() + ") " + HumanTime.since(s.finishedAt()) + " ago";
            case REMOVING -> "Removal In Progress";
            case DEAD -> "Dead";
            case EXITED -> "Exited (" + s.exitCode() + ") " + HumanTime.since(s.finishedAt()) + " ago";
        };
    }

    private static String healthSuffix(RunState s) {
        if (s.health() == null) {
            return "";
        }
        return " (" + ("starting".equals(s.health().status()) ? "health: starting" : s.health().status()) + ")";
    }

    /** The ps summary, with SizeRw and SizeRootFs when {@code size} (docker ps --size: it walks the upper dir). */
    ObjectNode summary(Container c, boolean size) {
        ObjectNode o = summary(c);
        if (size) {
            putSize(o, ContainerSize.of(containers, c));
        }
        return o;
    }

    /** Adds docker's two size fields to a summary or inspect document. */
    static void putSize(ObjectNode o, ContainerSize size) {
        o.put("SizeRw", size.rw());
        o.put("SizeRootFs", size.rootFs());
    }

    ObjectNode summary(Container c) {
        ObjectNode o = F.objectNode();
        o.put("Id", c.id());
        var names = o.putArray("Names").add("/" + c.name());
        containers.links().namesThroughLinks(c).forEach(names::add);
        o.put("Image", c.imageRef());
        o.put("ImageID", c.imageId().toString());
        o.put("Command", String.join(" ", command(c)));
        o.put("Created", Instant.parse(c.created()).getEpochSecond());
        o.set("Ports", ports(c));
        o.set("Labels", F.pojoNode(c.configView().labels()));
        o.put("State", c.state().status().word());
        o.put("Status", status(c.state()));
        o.putObject("HostConfig").put("NetworkMode", c.hostConfigView().networkMode());
        ObjectNode ns = o.putObject("NetworkSettings");
        JsonNode networks = c.networkSettings() == null ? null : c.networkSettings().get("Networks");
        ns.set("Networks", networks == null ? dev.berth.runtime.container.lifecycle.ServiceNetwork.configuredNetworks(c)
                : networks.deepCopy());
        o.set("Mounts", mounts(c));
        return o;
    }

    private static List<String> command(Container c) {
        List<String> out = new ArrayList<>();
        out.add(c.path());
        out.addAll(c.args());
        return out;
    }

    /** The ports list of docker ps: published mappings, plus exposed ports without a host side. */
    private static ArrayNode ports(Container c) {
        ArrayNode out = F.arrayNode();
        // Only a running container has published ports (docker ps shows none once it exited).
        JsonNode published = c.networkSettings() == null || !c.state().isRunning() ? null
                : c.networkSettings().get("Ports");
        for (String exposed : c.configView().exposedPorts()) {
            String[] pt = exposed.split("/");
            String type = pt.length > 1 ? pt[1] : "tcp";
            JsonNode bindings = published == null ? null : published.get(exposed);
            if (bindings != null && bindings.isArray() && !bindings.isEmpty()) {
                for (JsonNode b : bindings) {
                    ObjectNode p = out.addObject();
                    p.put("IP", b.path("HostIp").asText("0.0.0.0"));
                    p.put("PrivatePort", Integer.parseInt(pt[0]));
                    p.put("PublicPort", b.path("HostPort").asInt());
                    p.put("Type", type);
                }
            } else {
                ObjectNode p = out.addObject();
                p.put("PrivatePort", Integer.parseInt(pt[0]));
                p.put("Type", type);
            }
        }
        return out;
    }

    private static ArrayNode mounts(Container c) {
        ArrayNode out = F.arrayNode();
        for (MountPoint m : c.mounts()) {
            ObjectNode o = out.addObject();
            o.put("Type", m.type());
            if (!m.name().isEmpty()) {
                o.put("Name", m.name());
            }
            o.put("Source", m.source());
            o.put("Destination", m.destination());
            if (!m.driver().isEmpty()) {
                o.put("Driver", m.driver());
            }
            o.put("Mode", m.mode());
            o.put("RW", m.rw());
            o.put("Propagation", m.propagation());
        }
        return out;
    }

    /** The inspect document, with SizeRw and SizeRootFs when {@code size} (docker inspect --size). */
    ObjectNode inspect(Container c, boolean size) {
        ObjectNode o = inspect(c);
        if (size) {
            putSize(o, ContainerSize.of(containers, c));
        }
        return o;
    }

    ObjectNode inspect(Container c) {
        Path dir = dirs.apply(c.id());
        ObjectNode o = F.objectNode();
        o.put("Id", c.id());
        o.put("Created", c.created());
        o.put("Path", c.path());
        o.set("Args", F.pojoNode(c.args()));
        o.set("State", state(c.state()));
        o.put("Image", c.imageId().toString());
        o.put("ResolvConfPath", dir.resolve("resolv.conf").toString());
        o.put("HostnamePath", dir.resolve("hostname").toString());
        o.put("HostsPath", dir.resolve("hosts").toString());
        o.put("LogPath", dir.resolve("container.log").toString());
        o.put("Name", "/" + c.name());
        o.put("RestartCount", c.restartCount());
        o.put("Driver", "overlay2");
        o.put("Platform", "linux");
        o.put("MountLabel", "");
        o.put("ProcessLabel", "");
        o.put("AppArmorProfile", "");
        List<String> execIds = execs.idsOf(c.id());
        if (execIds.isEmpty()) {
            o.putNull("ExecIDs");
        } else {
            execIds.forEach(o.putArray("ExecIDs")::add);
        }
        o.set("HostConfig", hostConfig(c));
        o.set("GraphDriver", graphDriver(c, dir));
        o.set("Mounts", mounts(c));
        o.set("Config", config(c));
        o.set("NetworkSettings", networkSettings(c));
        return o;
    }

    private static ObjectNode state(RunState s) {
        ObjectNode o = F.objectNode();
        o.put("Status", s.status().word());
        o.put("Running", s.status() == RunState.Status.RUNNING || s.status() == RunState.Status.PAUSED);
        o.put("Paused", s.isPaused());
        o.put("Restarting", s.status() == RunState.Status.RESTARTING);
        o.put("OOMKilled", s.oomKilled());
        o.put("Dead", s.status() == RunState.Status.DEAD);
        o.put("Pid", s.pid());
        o.put("ExitCode", s.exitCode());
        o.put("Error", s.error() == null ? "" : s.error());
        o.put("StartedAt", s.startedAt());
        o.put("FinishedAt", s.finishedAt());
        if (s.health() != null) {
            ObjectNode h = o.putObject("Health");
            h.put("Status", s.health().status());
            h.put("FailingStreak", s.health().failingStreak());
            ArrayNode log = h.putArray("Log");
            if (s.health().log() != null) {
                s.health().log().forEach(p -> log.addObject().put("Start", p.start()).put("End", p.end())
                        .put("ExitCode", p.exitCode()).put("Output", p.output()));
            }
        }
        return o;
    }

    /** The stored Config over Docker's defaults, so every field a client reads is present. */
    private static ObjectNode config(Container c) {
        ObjectNode o = F.objectNode();
        o.put("Hostname", "");
        o.put("Domainname", "");
        o.put("User", "");
        o.put("AttachStdin", false);
        o.put("AttachStdout", false);
        o.put("AttachStderr", false);
        o.put("Tty", false);
        o.put("OpenStdin", false);
        o.put("StdinOnce", false);
        o.putNull("Env");
        o.putNull("Cmd");
        o.put("Image", c.imageRef());
        o.putNull("Volumes");
        o.put("WorkingDir", "");
        o.putNull("Entrypoint");
        o.putNull("OnBuild");
        o.set("Labels", F.objectNode());
        c.config().properties().forEach(e -> o.set(e.getKey(), e.getValue()));
        return o;
    }

    private ObjectNode hostConfig(Container c) {
        ObjectNode o = F.objectNode();
        o.putNull("Binds");
        o.put("ContainerIDFile", "");
        o.putObject("LogConfig").put("Type", "json-file").putObject("Config");
        o.put("NetworkMode", "bridge");
        o.set("PortBindings", F.objectNode());
        o.putObject("RestartPolicy").put("Name", "no").put("MaximumRetryCount", 0);
        o.put("AutoRemove", false);
        o.put("VolumeDriver", "");
        o.putNull("VolumesFrom");
        o.putArray("ConsoleSize").add(0).add(0);
        o.putNull("CapAdd");
        o.putNull("CapDrop");
        o.put("CgroupnsMode", "private");
        o.putArray("Dns");
        o.putArray("DnsOptions");
        o.putArray("DnsSearch");
        o.putNull("ExtraHosts");
        o.putNull("GroupAdd");
        o.put("IpcMode", "private");
        o.put("Cgroup", "");
        o.putNull("Links");
        o.put("OomScoreAdj", 0);
        o.put("PidMode", "");
        o.put("Privileged", false);
        o.put("PublishAllPorts", false);
        o.put("ReadonlyRootfs", false);
        o.putNull("SecurityOpt");
        o.put("UTSMode", "");
        o.put("UsernsMode", "");
        o.put("ShmSize", 67108864);
        o.put("Runtime", "runc");
        o.put("Isolation", "");
        o.put("CpuShares", 0);
        o.put("Memory", 0);
        o.put("NanoCpus", 0);
        o.put("CgroupParent", "");
        o.put("BlkioWeight", 0);
        o.put("CpuPeriod", 0);
        o.put("CpuQuota", 0);
        o.put("CpusetCpus", "");
        o.put("CpusetMems", "");
        o.putNull("Devices");
        o.put("MemoryReservation", 0);
        o.put("MemorySwap", 0);
        o.putNull("MemorySwappiness");
        o.put("OomKillDisable", false);
        o.putNull("PidsLimit");
        o.putNull("Ulimits");
        o.set("MaskedPaths",
                F.pojoNode(List.of("/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                        "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
                        "/sys/devices/virtual/powercap")));
        o.set("ReadonlyPaths",
                F.pojoNode(List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger")));
        c.hostConfig().properties().forEach(e -> o.set(e.getKey(), e.getValue()));
        // As dockerd shows links: /target:/parent/alias, whatever form the request used
        var links = containers.links().rendered(c);
        if (links != null) {
            o.set("Links", links);
        }
        return o;
    }

    private ObjectNode graphDriver(Container c, Path dir) {
        ObjectNode o = F.objectNode();
        o.put("Name", "overlay2");
        ObjectNode data = o.putObject("Data");
        try {
            List<String> lowers = rootFs.lowerLayers(c).stream().map(Layer::diffDir).map(Path::toString).toList();
            data.put("LowerDir", String.join(":", lowers));
        } catch (RuntimeException e) {
            data.put("LowerDir", "");
        }
        data.put("MergedDir", RootFs.merged(dir).toString());
        data.put("UpperDir", RootFs.upper(dir).toString());
        data.put("WorkDir", dir.resolve("work").toString());
        return o;
    }

    private static ObjectNode networkSettings(Container c) {
        ObjectNode o = F.objectNode();
        o.put("Bridge", "");
        o.put("SandboxID", "");
        o.put("SandboxKey", "");
        o.set("Ports", F.objectNode());
        o.put("HairpinMode", false);
        o.put("LinkLocalIPv6Address", "");
        o.put("LinkLocalIPv6PrefixLen", 0);
        o.put("EndpointID", "");
        o.put("Gateway", "");
        o.put("GlobalIPv6Address", "");
        o.put("GlobalIPv6PrefixLen", 0);
        o.put("IPAddress", "");
        o.put("IPPrefixLen", 0);
        o.put("IPv6Gateway", "");
        o.put("MacAddress", "");
        o.set("Networks", dev.berth.runtime.container.lifecycle.ServiceNetwork.configuredNetworks(c));
        if (c.networkSettings() != null) {
            c.networkSettings().properties().forEach(e -> o.set(e.getKey(), e.getValue()));
        }
        if (!c.state().isRunning()) {
            // A stopped container has no addresses or published ports, as with dockerd.
            o.set("Ports", F.objectNode());
        }
        return o;
    }

    /** Labels for filters. */
    static Map<String, String> labels(Container c) {
        return c.configView().labels();
    }
}
