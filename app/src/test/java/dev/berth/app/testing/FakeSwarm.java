package dev.berth.app.testing;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineException;
import dev.berth.app.engine.swarm.ServiceDraft;
import dev.berth.app.engine.swarm.ServiceLogLine;
import dev.berth.app.engine.swarm.Swarm;
import dev.berth.app.engine.swarm.SwarmNode;
import dev.berth.app.engine.swarm.SwarmObject;
import dev.berth.app.engine.swarm.SwarmService;
import dev.berth.app.engine.swarm.SwarmStatus;
import dev.berth.app.engine.swarm.SwarmTask;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-memory swarm for ViewModel tests: not in a swarm until {@link #init}; then one manager node plus the nodes
 * a test adds, services whose replicas are spread over the active nodes at once, secrets and configs by name.
 */
public final class FakeSwarm implements Swarm {
    public final List<SwarmNode> nodes = new CopyOnWriteArrayList<>();
    public final List<SwarmService> services = new CopyOnWriteArrayList<>();
    public final List<SwarmObject> secrets = new CopyOnWriteArrayList<>();
    public final List<SwarmObject> configs = new CopyOnWriteArrayList<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String state = "inactive";

    @Override
    public SwarmStatus status() {
        return state.equals("active")
                ? new SwarmStatus("active", "node-1", "10.0.0.1", true, nodes.size(), 1, "", "SWMTKN-worker",
                        "SWMTKN-manager")
                : SwarmStatus.inactive();
    }

    @Override
    public void init(String advertiseAddress) {
        calls.add("init " + advertiseAddress);
        if (state.equals("active")) {
            throw new EngineException("This node is already part of a swarm.", 503, null);
        }
        state = "active";
        nodes.add(new SwarmNode("node-1", "manager-1", "manager", "active", "ready", "Leader", "20.10.24",
                advertiseAddress, true));
    }

    /** Adds a worker node. */
    public void addWorker(String id, String hostname) {
        nodes.add(new SwarmNode(id, hostname, "worker", "active", "ready", "", "20.10.24", "10.0.0.9", false));
    }

    @Override
    public void join(String managerAddress, String token) {
        calls.add("join " + managerAddress + " " + token);
        state = "active";
    }

    @Override
    public void leave(boolean force) {
        calls.add("leave " + force);
        state = "inactive";
        nodes.clear();
        services.clear();
    }

    @Override
    public List<SwarmNode> nodes() {
        requireManager();
        return List.copyOf(nodes);
    }

    @Override
    public void setAvailability(String nodeId, String availability) {
        replaceNode(nodeId, n -> new SwarmNode(n.id(), n.hostname(), n.role(), availability, n.state(),
                n.managerStatus(), n.engineVersion(), n.address(), n.self()));
    }

    @Override
    public void setRole(String nodeId, String role) {
        replaceNode(nodeId, n -> new SwarmNode(n.id(), n.hostname(), role, n.availability(), n.state(),
                role.equals("manager") ? "Reachable" : "", n.engineVersion(), n.address(), n.self()));
    }

    private void replaceNode(String nodeId, java.util.function.UnaryOperator<SwarmNode> change) {
        requireManager();
        calls.add("node " + nodeId);
        nodes.replaceAll(n -> n.id().equals(nodeId) ? change.apply(n) : n);
    }

    @Override
    public void removeNode(String nodeId, boolean force) {
        calls.add("rm node " + nodeId);
        nodes.removeIf(n -> n.id().equals(nodeId));
    }

    @Override
    public List<SwarmService> services() {
        requireManager();
        return List.copyOf(services);
    }

    @Override
    public String createService(ServiceDraft draft) {
        requireManager();
        String id = "svc-" + (services.size() + 1);
        services.add(new SwarmService(id, draft.name(), "replicated", draft.replicas(), draft.replicas(),
                draft.image(), draft.ports().stream().map(p -> p.published() + ":" + p.target() + "/" + p.protocol())
                        .toList(),
                "", "", "", 1));
        return id;
    }

    @Override
    public void scale(String serviceId, long replicas) {
        replaceService(serviceId, s -> new SwarmService(s.id(), s.name(), s.mode(), replicas, replicas, s.image(),
                s.ports(), s.updateState(), s.updateMessage(), s.stack(), s.version() + 1));
    }

    @Override
    public void updateImage(String serviceId, String image) {
        replaceService(serviceId, s -> new SwarmService(s.id(), s.name(), s.mode(), s.desiredReplicas(),
                s.runningTasks(), image, s.ports(), "completed", "update completed", s.stack(), s.version() + 1));
    }

    @Override
    public void rollback(String serviceId) {
        replaceService(serviceId, s -> new SwarmService(s.id(), s.name(), s.mode(), s.desiredReplicas(),
                s.runningTasks(), s.image(), s.ports(), "rollback_completed", "rollback completed", s.stack(),
                s.version() + 1));
    }

    private void replaceService(String serviceId, java.util.function.UnaryOperator<SwarmService> change) {
        calls.add("service " + serviceId);
        if (services.stream().noneMatch(s -> s.id().equals(serviceId))) {
            throw new EngineException("service " + serviceId + " not found", 404, null);
        }
        services.replaceAll(s -> s.id().equals(serviceId) ? change.apply(s) : s);
    }

    @Override
    public void removeService(String serviceId) {
        calls.add("rm service " + serviceId);
        services.removeIf(s -> s.id().equals(serviceId));
    }

    @Override
    public List<SwarmTask> tasks(String serviceId) {
        List<SwarmNode> active = nodes.stream().filter(n -> n.availability().equals("active")).toList();
        List<SwarmTask> out = new ArrayList<>();
        for (SwarmService s : services) {
            if (!serviceId.isEmpty() && !s.id().equals(serviceId)) {
                continue;
            }
            for (int slot = 1; slot <= s.desiredReplicas() && !active.isEmpty(); slot++) {
                SwarmNode node = active.get((slot - 1) % active.size());
                out.add(new SwarmTask(s.id() + "-" + slot, s.id(), s.name() + "." + slot, slot, node.id(),
                        node.hostname(), "running", "running", "started", "", s.image(), "2026-12-08T00:00:0" + slot
                                + "Z"));
            }
        }
        return out;
    }

    @Override
    public Engine.Subscription serviceLogs(String serviceId, boolean follow, int tail, Consumer<ServiceLogLine> onLine,
            Consumer<EngineException> onEnd) {
        return () -> onEnd.accept(null);
    }

    @Override
    public List<SwarmObject> secrets() {
        requireManager();
        return List.copyOf(secrets);
    }

    @Override
    public void createSecret(String name, byte[] data) {
        secrets.add(new SwarmObject("secret-" + name, name, "2026-12-08T00:00:00Z"));
    }

    @Override
    public void removeSecret(String id) {
        secrets.removeIf(s -> s.id().equals(id));
    }

    @Override
    public List<SwarmObject> configs() {
        requireManager();
        return List.copyOf(configs);
    }

    @Override
    public void createConfig(String name, byte[] data) {
        configs.add(new SwarmObject("config-" + name, name, "2026-12-08T00:00:00Z"));
    }

    @Override
    public void removeConfig(String id) {
        configs.removeIf(s -> s.id().equals(id));
    }

    private void requireManager() {
        if (!state.equals("active")) {
            throw new EngineException("This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm "
                    + "join\" to connect this node to swarm and try again.", 503, null);
        }
    }
}
