package dev.berth.runtime.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.api.http.ServerTls;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.network.ipam.BridgeAddress;
import dev.berth.runtime.network.ipam.SubnetPicker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges command-line flags with {@code daemon.json} into a {@link DaemonConfig}, with dockerd's rules:
 * unknown keys and a setting given both as a flag and in the file are errors; defaults fill the rest.
 */
public final class ConfigLoader {
    private static final Set<String> KEYS = Set.of("hosts", "data-root", "exec-root", "log-level", "pidfile",
            "insecure-registries", "registry-mirrors", "max-concurrent-downloads", "debug", "bip",
            "default-address-pools",
            "vm-bridge", "vm-token-file", "tls", "tlsverify", "tlscacert", "tlscert", "tlskey");

    private ConfigLoader() {}

    /** The configuration for {@code run}; {@code defaultConfigFile} is read only if it exists. */
    public static DaemonConfig load(DaemonArgs.Run run, Path defaultConfigFile) throws StartupException {
        Path file = run.configFile() != null ? Path.of(run.configFile()) : defaultConfigFile;
        Map<String, Object> fromFile = Map.of();
        Path used = null;
        if (file != null) {
            try {
                fromFile = readFile(file);
                used = file;
            } catch (NoSuchFileException e) {
                if (run.configFile() != null) {
                    throw new StartupException("unable to configure berthd with file " + file + ": it does not exist");
                }
            } catch (IOException e) {
                throw new StartupException("unable to configure berthd with file " + file + ": " + e.getMessage(), e);
            }
        }
        checkConflicts(run.flags(), fromFile, used);
        Map<String, Object> merged = new LinkedHashMap<>(fromFile);
        merged.putAll(run.flags());
        return build(merged, used);
    }

    static Map<String, Object> readFile(Path file) throws IOException, StartupException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new StartupException("unable to configure berthd with file " + file + ": invalid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new StartupException("unable to configure berthd with file " + file + ": expected a JSON object");
        }
        Set<String> unknown = new TreeSet<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!KEYS.contains(e.getKey())) {
                unknown.add(e.getKey());
                continue;
            }
            out.put(e.getKey(), value(file, e.getKey(), e.getValue()));
        }
        if (!unknown.isEmpty()) {
            throw new StartupException("unable to configure berthd with file " + file
                    + ": the following directives don't match any configuration option: " + String.join(", ", unknown));
        }
        return out;
    }

    private static Object value(Path file, String key, JsonNode v) throws StartupException {
        String where = "unable to configure berthd with file " + file + ": ";
        switch (key) {
            case "hosts", "insecure-registries", "registry-mirrors" -> {
                if (!v.isArray()) {
                    throw new StartupException(where + "\"" + key + "\" must be a list of strings");
                }
                List<String> list = new ArrayList<>();
                for (JsonNode item : v) {
                    if (!item.isTextual()) {
                        throw new StartupException(where + "\"" + key + "\" must be a list of strings");
                    }
                    list.add(item.asText());
                }
                return list;
            }
            case "default-address-pools" -> {
                // Objects {"base": CIDR, "size": N} in the file; kept in the flag's base=CIDR,size=N form so both
                // ways share one parser.
                String shape = where + "\"default-address-pools\" must be a list of {\"base\": \"CIDR\", \"size\": N}";
                if (!v.isArray()) {
                    throw new StartupException(shape);
                }
                List<String> list = new ArrayList<>();
                for (JsonNode item : v) {
                    if (!item.isObject() || !item.path("base").isTextual() || !item.path("size").isIntegralNumber()
                            || item.size() != 2) {
                        throw new StartupException(shape);
                    }
                    list.add("base=" + item.get("base").asText() + ",size=" + item.get("size").asInt());
                }
                return list;
            }
            case "max-concurrent-downloads" -> {
                if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                    throw new StartupException(where + "\"" + key + "\" must be an integer");
                }
                return v.asInt();
            }
            case "debug", "tls", "tlsverify" -> {
                if (!v.isBoolean()) {
                    throw new StartupException(where + "\"" + key + "\" must be true or false");
                }
                return v.asBoolean();
            }
            default -> {
                if (!v.isTextual()) {
                    throw new StartupException(where + "\"" + key + "\" must be a string");
                }
                return v.asText();
            }
        }
    }

    private static void checkConflicts(Map<String, Object> flags, Map<String, Object> file, Path used)
            throws StartupException {
        List<String> both = new ArrayList<>();
        for (Map.Entry<String, Object> f : flags.entrySet()) {
            if (file.containsKey(f.getKey())) {
                both.add(f.getKey() + ": (from flag: " + f.getValue() + ", from file: " + file.get(f.getKey()) + ")");
            }
        }
        if (!both.isEmpty()) {
            throw new StartupException("unable to configure berthd with file " + used
                    + ": the following directives are specified both as a flag and in the configuration file: "
                    + String.join(", ", both));
        }
    }

    @SuppressWarnings("unchecked")
    private static DaemonConfig build(Map<String, Object> m, Path configFile) throws StartupException {
        List<Path> sockets = new ArrayList<>();
        List<TcpHost> tcpHosts = new ArrayList<>();
        ServerTls tls = tls(m);
        for (String host : (List<String>) m.getOrDefault("hosts", List.of())) {
            if (host.startsWith("tcp://")) {
                tcpHosts.add(TcpHost.parse(host, tls != null));
            } else {
                sockets.add(socketOf(host));
            }
        }
        if (sockets.isEmpty() && tcpHosts.isEmpty()) {
            sockets.add(DaemonConfig.DEFAULT_SOCKET);
        }
        refusePlainTcp(tcpHosts, tls, m.get("tls"));
        Path dataRoot = absolute("data-root", (String) m.get("data-root"), DaemonConfig.DEFAULT_DATA_ROOT);
        Path execRoot = absolute("exec-root", (String) m.get("exec-root"), DaemonConfig.DEFAULT_EXEC_ROOT);
        Path pidFile = absolute("pidfile", (String) m.get("pidfile"), execRoot.resolve("berthd.pid"));
        LogLevel level = LogLevel.parse((String) m.getOrDefault("log-level", "info"));
        int downloads = (Integer) m.getOrDefault("max-concurrent-downloads",
                DaemonConfig.DEFAULT_MAX_CONCURRENT_DOWNLOADS);
        if (downloads < 1) {
            throw new StartupException("max-concurrent-downloads must be at least 1, got " + downloads, 2, null);
        }
        BridgeAddress bip;
        List<SubnetPicker.Pool> pools = new ArrayList<>();
        try {
            bip = m.containsKey("bip") ? BridgeAddress.parse((String) m.get("bip")) : null;
            for (String pool : (List<String>) m.getOrDefault("default-address-pools", List.of())) {
                pools.add(SubnetPicker.Pool.parse(pool));
            }
        } catch (InvalidArgumentException e) {
            throw new StartupException("unable to configure berthd: " + e.getMessage());
        }
        return new DaemonConfig(sockets, dataRoot, execRoot, level, pidFile,
                (List<String>) m.getOrDefault("insecure-registries", List.of()),
                (List<String>) m.getOrDefault("registry-mirrors", List.of()),
                downloads, (Boolean) m.getOrDefault("debug", false), configFile, bip, pools, vmBridge(m), tcpHosts,
                tls);
    }

    /** {@code --tls} / {@code --tlsverify} with their files, or null for no TLS; as dockerd, verify implies TLS. */
    private static ServerTls tls(Map<String, Object> m) throws StartupException {
        boolean verify = (Boolean) m.getOrDefault("tlsverify", false);
        if (!verify && !Boolean.TRUE.equals(m.get("tls"))) {
            return null;
        }
        return new ServerTls(
                absolute("tlscacert", (String) m.get("tlscacert"), DaemonConfig.DEFAULT_TLS_DIR.resolve("ca.pem")),
                absolute("tlscert", (String) m.get("tlscert"), DaemonConfig.DEFAULT_TLS_DIR.resolve("cert.pem")),
                absolute("tlskey", (String) m.get("tlskey"), DaemonConfig.DEFAULT_TLS_DIR.resolve("key.pem")), verify);
    }

    /**
     * Whoever reaches the API is root on this machine: TCP without TLS is served on loopback addresses only (with a
     * warning in the log), elsewhere only when the operator said {@code --tls=false} in so many words (dockerd 27+).
     */
    private static void refusePlainTcp(List<TcpHost> hosts, ServerTls tls, Object tlsFlag) throws StartupException {
        if (tls != null || Boolean.FALSE.equals(tlsFlag)) {
            return;
        }
        for (TcpHost h : hosts) {
            if (!h.loopback()) {
                throw new StartupException("refusing to serve the API on " + h + " without TLS: anyone who can reach "
                        + "that address would control this machine as root. Use --tlsverify with --tlscacert, --tlscert "
                        + "and --tlskey, or pass --tls=false to accept that risk", 2, null);
            }
        }
    }

    /** {@code --vm-bridge tcp://ADDR:PORT} with {@code --vm-token-file PATH}: both or neither. */
    private static VmBridge vmBridge(Map<String, Object> m) throws StartupException {
        String listen = (String) m.get("vm-bridge");
        String tokenFile = (String) m.get("vm-token-file");
        if (listen == null && tokenFile == null) {
            return null;
        }
        if (listen == null || tokenFile == null) {
            throw new StartupException("--vm-bridge and --vm-token-file go together", 2, null);
        }
        if (!listen.startsWith("tcp://")) {
            throw new StartupException("--vm-bridge must be tcp://ADDRESS:PORT, got '" + listen + "'", 2, null);
        }
        String hostPort = listen.substring("tcp://".length());
        int colon = hostPort.lastIndexOf(':');
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            return new VmBridge(new java.net.InetSocketAddress(hostPort.substring(0, colon), port),
                    absolute("vm-token-file", tokenFile, null));
        } catch (RuntimeException e) {
            throw new StartupException("--vm-bridge must be tcp://ADDRESS:PORT, got '" + listen + "'", 2, null);
        }
    }

    /** {@code unix:///run/x.sock} → {@code /run/x.sock}. */
    static Path socketOf(String host) throws StartupException {
        if (!host.startsWith("unix://")) {
            throw new StartupException(
                    "unsupported host '" + host + "': berthd listens on unix:///path or tcp://ADDRESS:PORT",
                    2, null);
        }
        String path = host.substring("unix://".length());
        if (path.isEmpty()) {
            return DaemonConfig.DEFAULT_SOCKET;
        }
        return absolute("host", path, null);
    }

    private static Path absolute(String what, String value, Path dflt) throws StartupException {
        if (value == null) {
            return dflt;
        }
        Path p = Path.of(value);
        if (!p.isAbsolute()) {
            throw new StartupException(what + " must be an absolute path, got '" + value + "'", 2, null);
        }
        return p.normalize();
    }
}
