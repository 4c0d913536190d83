package dev.berth.machine.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Published ports, made reachable on the host: a container's {@code -p 8080:80} is published by berthd on the
 * guest's port 8080, and this class adds a forward from the host's 127.0.0.1:8080 to it when the container starts and
 * removes it when the container stops. It follows the engine's events and, after (re)connecting, compares with the
 * running containers, so no start or stop is missed while it was not listening.
 */
public final class PortForwards implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS = "/events?filters=" + URLEncoder.encode(
            "{\"type\":[\"container\"],\"event\":[\"start\",\"die\",\"destroy\"]}", StandardCharsets.UTF_8);

    /** Where forwards are made: the hypervisor (QMP's hostfwd) or a forwarder of ours. */
    public interface Mapper {
        /** Adds a forward; empty on success, else why not (the host port is taken…). */
        Optional<String> forward(String proto, int hostPort, int guestPort);

        void unforward(String proto, int hostPort);
    }

    /** One forwarded port. */
    record Forward(String proto, int port) {}

    private final GuestApi api;
    private final Mapper mapper;
    private final Consumer<String> warnings;
    private final Map<String, Set<Forward>> byContainer = new HashMap<>();
    private volatile boolean closed;
    private Thread follower;

    public PortForwards(GuestApi api, Mapper mapper, Consumer<String> warnings) {
        this.api = api;
        this.mapper = mapper;
        this.warnings = warnings;
    }

    /** Starts following the engine on a thread of its own. */
    public PortForwards start() {
        follower = Thread.ofPlatform().daemon().name("port-forwards").start(this::follow);
        return this;
    }

    private void follow() {
        while (!closed) {
            try {
                sync();
                api.stream(EVENTS, this::event);
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
            }
            try {
                // The engine restarted or the VM is coming up: connect again shortly.
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Brings the forwards in line with the containers that run now. */
    synchronized void sync() throws IOException {
        JsonNode running = api.call("GET", "/containers/json").json();
        Set<String> ids = new HashSet<>();
        for (JsonNode c : running) {
            ids.add(c.path("Id").asText());
        }
        for (String id : List.copyOf(byContainer.keySet())) {
            if (!ids.contains(id)) {
                remove(id);
            }
        }
        for (String id : ids) {
            if (!byContainer.containsKey(id)) {
                add(id);
            }
        }
    }

    synchronized void event(String line) {
        try {
            JsonNode e = JSON.readTree(line);
            String id = e.path("id").asText(e.path("Actor").path("ID").asText());
            switch (e.path("status").asText(e.path("Action").asText())) {
                case "start" -> add(id);
                case "die", "destroy" -> remove(id);
                default -> {
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // a line that is not an event: skip it
        }
    }

    private void add(String id) {
        Set<Forward> wanted = new LinkedHashSet<>();
        try {
            JsonNode ports = api.call("GET", "/containers/" + id + "/json").json().path("NetworkSettings")
                    .path("Ports");
            ports.properties().forEach(p -> {
                String proto = p.getKey().contains("/") ? p.getKey().substring(p.getKey().indexOf('/') + 1) : "tcp";
                if (p.getValue().isArray()) {
                    for (JsonNode binding : p.getValue()) {
                        String hostPort = binding.path("HostPort").asText("");
                        if (!hostPort.isEmpty()) {
                            wanted.add(new Forward(proto, Integer.parseInt(hostPort)));
                        }
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            return; // gone again already
        }
        Set<Forward> made = new LinkedHashSet<>();
        for (Forward f : wanted) {
            if (taken(f)) {
                continue;
            }
            Optional<String> problem = mapper.forward(f.proto(), f.port(), f.port());
            if (problem.isPresent()) {
                warnings.accept("port " + f.port() + "/" + f.proto() + " of container "
                        + id.substring(0, Math.min(12, id.length()))
                        + " cannot be reached from this computer: " + problem.get());
            } else {
                made.add(f);
            }
        }
        byContainer.put(id, made);
    }

    private boolean taken(Forward f) {
        return byContainer.values().stream().anyMatch(s -> s.contains(f));
    }

    private void remove(String id) {
        Set<Forward> made = byContainer.remove(id);
        if (made != null) {
            made.forEach(f -> mapper.unforward(f.proto(), f.port()));
        }
    }

    /** The forwards in place, for status and tests. */
    public synchronized Set<String> active() {
        Set<String> out = new java.util.TreeSet<>();
        byContainer.values().forEach(s -> s.forEach(f -> out.add(f.port() + "/" + f.proto())));
        return out;
    }

    @Override
    public void close() {
        closed = true;
        if (follower != null) {
            follower.interrupt();
        }
    }
}
