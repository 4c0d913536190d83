package dev.berth.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the engines a person may want: Berth's own, {@code DOCKER_HOST}, every docker CLI context (the CLI keeps them
 * in {@code ~/.docker/contexts/meta/<sha256 of name>/meta.json}), the sockets of a local dockerd, podman or Docker
 * Desktop where they exist, and those the user added. The first entry is the Berth engine; a URI listed twice keeps
 * its first name.
 */
public final class ConnectionCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectionCatalog() {}

    /** All connections, given the environment, the user's home and the connections they added. */
    public static List<Connection> discover(Map<String, String> env, Path home, List<Connection> userAdded) {
        return discover(env, home, userAdded, Files::exists, Connection.BERTH_DEFAULT_URI);
    }

    /** As {@link #discover(Map, Path, List)}, with the Berth engine at {@code berthUri} (the Berth VM's socket, say). */
    public static List<Connection> discover(Map<String, String> env, Path home, List<Connection> userAdded,
            String berthUri) {
        return discover(env, home, userAdded, Files::exists, berthUri);
    }

    /** As {@link #discover(Map, Path, List)}, with {@code present} deciding which well-known sockets exist. */
    static List<Connection> discover(Map<String, String> env, Path home, List<Connection> userAdded,
            Predicate<Path> present) {
        return discover(env, home, userAdded, present, Connection.BERTH_DEFAULT_URI);
    }

    static List<Connection> discover(Map<String, String> env, Path home, List<Connection> userAdded,
            Predicate<Path> present, String berthUri) {
        Map<String, Connection> byUri = new LinkedHashMap<>();
        add(byUri, new Connection("Berth engine", Connection.Kind.BERTH, berthUri));
        String dockerHost = env.getOrDefault("DOCKER_HOST", "");
        if (!dockerHost.isBlank()) {
            try {
                // The CLI's rule: DOCKER_TLS_VERIFY set to anything non-empty means TLS, with the files in
                // DOCKER_CERT_PATH or else ~/.docker.
                boolean tls = !env.getOrDefault("DOCKER_TLS_VERIFY", "").isEmpty() && dockerHost.startsWith("tcp://");
                String certs = env.getOrDefault("DOCKER_CERT_PATH", "");
                String tlsDir = !tls ? "" : certs.isBlank() ? home.resolve(".docker").toString() : certs;
                add(byUri, new Connection("DOCKER_HOST", Connection.Kind.DOCKER_HOST, dockerHost, tlsDir));
            } catch (IllegalArgumentException ignored) {
                // An unusable DOCKER_HOST (ssh://…) is not offered; the CLI context list may still have it.
            }
        }
        contexts(home.resolve(".docker/contexts")).forEach(c -> add(byUri, c));
        localSockets(env, home).forEach((name, socket) -> {
            if (present.test(socket)) {
                add(byUri, new Connection(name, Connection.Kind.LOCAL, "unix://" + socket));
            }
        });
        userAdded.forEach(c -> add(byUri, c));
        return List.copyOf(byUri.values());
    }

    /**
     * Where engines listen by default: dockerd (the CLI's implicit "default" context, not in the contexts
     * directory), rootful and rootless podman's API service, Docker Desktop for Linux.
     */
    private static Map<String, Path> localSockets(Map<String, String> env, Path home) {
        Map<String, Path> sockets = new LinkedHashMap<>();
        sockets.put("Docker", Path.of("/var/run/docker.sock"));
        sockets.put("Podman", Path.of("/run/podman/podman.sock"));
        String runtimeDir = env.getOrDefault("XDG_RUNTIME_DIR", "");
        if (!runtimeDir.isBlank()) {
            sockets.put("Podman (rootless)", Path.of(runtimeDir, "podman", "podman.sock"));
        }
        sockets.put("Docker Desktop", home.resolve(".docker/desktop/docker.sock"));
        return sockets;
    }

    private static void add(Map<String, Connection> byUri, Connection c) {
        byUri.putIfAbsent(c.uri(), c);
    }

    /**
     * The docker CLI contexts under {@code contextsDir} ({@code meta/<id>/meta.json}, with TLS files, when the
     * context has them, in {@code tls/<id>/docker/}); unreadable or non-docker ones are skipped.
     */
    static List<Connection> contexts(Path contextsDir) {
        Path metaDir = contextsDir.resolve("meta");
        if (!Files.isDirectory(metaDir)) {
            return List.of();
        }
        List<Connection> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(metaDir)) {
            for (Path meta : dirs.map(d -> d.resolve("meta.json")).filter(Files::isRegularFile).sorted().toList()) {
                try {
                    JsonNode node = JSON.readTree(meta.toFile());
                    String name = node.path("Name").asText("");
                    String host = node.path("Endpoints").path("docker").path("Host").asText("");
                    Path tls = contextsDir.resolve("tls").resolve(meta.getParent().getFileName()).resolve("docker");
                    String tlsDir = host.startsWith("tcp://") && Connection.tlsProblem(tls).isEmpty()
                            ? tls.toString() : "";
                    if (!name.isBlank() && !host.isBlank()) {
                        found.add(new Connection("context " + name, Connection.Kind.CONTEXT, host, tlsDir));
                    }
                } catch (IOException | IllegalArgumentException skipped) {
                    // A broken or ssh:// context must not hide the others.
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }
}
