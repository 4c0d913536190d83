package dev.berth.runtime.container.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container's {@code HostConfig} (moby container.HostConfig): how the host runs it — limits, mounts, ports, policy. */
public final class HostConfig extends JsonView {
    public HostConfig(ObjectNode json) {
        super(json);
    }

    /** A restart policy: no, always, unless-stopped, on-failure with a retry cap. */
    public record RestartPolicy(String name, int maximumRetryCount) {}

    /** A host port binding of {@code PortBindings}; an empty HostPort means "any free port". */
    public record PortBinding(String hostIp, String hostPort) {}

    /** A {@code --ulimit}. */
    public record Ulimit(String name, long soft, long hard) {}

    public List<String> binds() {
        return orEmpty(strings("Binds"));
    }
    public String networkMode() {
        return text("NetworkMode", "default");
    }
    public boolean autoRemove() {
        return bool("AutoRemove");
    }
    public boolean privileged() {
        return bool("Privileged");
    }
    public boolean readonlyRootfs() {
        return bool("ReadonlyRootfs");
    }
    public boolean publishAllPorts() {
        return bool("PublishAllPorts");
    }
    public boolean init() {
        return bool("Init");
    }
    public List<String> capAdd() {
        return orEmpty(strings("CapAdd"));
    }
    public List<String> capDrop() {
        return orEmpty(strings("CapDrop"));
    }
    public List<String> securityOpt() {
        return orEmpty(strings("SecurityOpt"));
    }
    public List<String> dns() {
        return orEmpty(strings("Dns"));
    }
    public List<String> dnsSearch() {
        return orEmpty(strings("DnsSearch"));
    }
    public List<String> dnsOptions() {
        return orEmpty(strings("DnsOptions"));
    }
    public List<String> extraHosts() {
        return orEmpty(strings("ExtraHosts"));
    }
    public List<String> links() {
        return orEmpty(strings("Links"));
    }
    public List<String> groupAdd() {
        return orEmpty(strings("GroupAdd"));
    }
    public Map<String, String> sysctls() {
        return stringMap("Sysctls");
    }
    public Map<String, String> tmpfs() {
        return stringMap("Tmpfs");
    }
    public long memory() {
        return number("Memory");
    }
    public long memorySwap() {
        return number("MemorySwap");
    }
    public long nanoCpus() {
        return number("NanoCpus");
    }
    public long cpuShares() {
        return number("CpuShares");
    }
    public long cpuQuota() {
        return number("CpuQuota");
    }
    public long cpuPeriod() {
        return number("CpuPeriod");
    }
    public long pidsLimit() {
        return number("PidsLimit");
    }
    public long shmSize() {
        return number("ShmSize");
    }
    public Long oomScoreAdj() {
        return optionalNumber("OomScoreAdj");
    }
    public String runtime() {
        return text("Runtime");
    }
    public JsonNode mounts() {
        return node("Mounts");
    }
    public JsonNode logConfig() {
        return node("LogConfig");
    }

    public RestartPolicy restartPolicy() {
        JsonNode n = node("RestartPolicy");
        if (n == null) {
            return new RestartPolicy("no", 0);
        }
        String name = n.path("Name").asText("");
        return new RestartPolicy(name.isEmpty() ? "no" : name, n.path("MaximumRetryCount").asInt(0));
    }

    public Map<String, List<PortBinding>> portBindings() {
        Map<String, List<PortBinding>> out = new LinkedHashMap<>();
        JsonNode n = node("PortBindings");
        if (n != null && n.isObject()) {
            n.properties().forEach(e -> {
                List<PortBinding> list = new ArrayList<>();
                e.getValue().forEach(
                        b -> list.add(new PortBinding(b.path("HostIp").asText(""), b.path("HostPort").asText(""))));
                out.put(e.getKey(), list);
            });
        }
        return out;
    }

    public List<Ulimit> ulimits() {
        List<Ulimit> out = new ArrayList<>();
        JsonNode n = node("Ulimits");
        if (n != null) {
            n.forEach(u -> out
                    .add(new Ulimit(u.path("Name").asText(), u.path("Soft").asLong(), u.path("Hard").asLong())));
        }
        return out;
    }

    /**
     * Max size of one log file from {@code --log-opt max-size} (0 = unlimited), in decimal units as docker's
     * json-file reads it (go-units FromHumanSize: 10k = 10000). The {@code local} driver defaults to 20 MB.
     */
    public long logMaxSize() {
        String v = logOption("max-size");
        if (v.isEmpty()) {
            return "local".equals(logDriver()) ? 20_000_000L : 0;
        }
        return Units.parseDecimalBytes(v);
    }

    /** How many log files to keep, from {@code --log-opt max-file}: 1 (the default) truncates; {@code local} keeps 5. */
    public int logMaxFiles() {
        String v = logOption("max-file");
        if (v.isEmpty()) {
            return "local".equals(logDriver()) ? 5 : 1;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw new InvalidArgumentException("max-file cannot be less than 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid max-file: " + v);
        }
    }

    /** The log driver ({@code json-file} unless the client chose {@code local} or {@code none}). */
    public String logDriver() {
        JsonNode n = node("LogConfig");
        return n == null ? "" : n.path("Type").asText("");
    }

    private String logOption(String name) {
        JsonNode n = node("LogConfig");
        return n == null ? "" : n.path("Config").path(name).asText("");
    }

    /** A copy with {@code field} replaced (for docker update and restart policy changes). */
    public HostConfig with(String field, JsonNode value) {
        ObjectNode copy = json();
        copy.set(field, value);
        return new HostConfig(copy);
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }
}
