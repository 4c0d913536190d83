package dev.berth.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.app.engine.swarm.ServiceDraft;
import dev.berth.app.engine.swarm.ServiceLogLine;
import dev.berth.app.engine.swarm.Swarm;
import dev.berth.app.engine.swarm.SwarmNode;
import dev.berth.app.engine.swarm.SwarmObject;
import dev.berth.app.engine.swarm.SwarmService;
import dev.berth.app.engine.swarm.SwarmStatus;
import dev.berth.app.engine.swarm.SwarmTask;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link Swarm} over the Engine API's JSON as it is, not docker-java's models: an update sends the service's or
 * node's whole spec back with its version, as the docker CLI does, so fields the app does not know survive.
 */
final class DockerJavaSwarm implements Swarm {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RawApi raw;
    private final DockerJavaInside inside;

    DockerJavaSwarm(RawApi raw, DockerJavaInside inside) {
        this.raw = raw;
        this.inside = inside;
    }

    @Override
    public SwarmStatus status() {
        JsonNode s = raw.get("/info").path("Swarm");
        String state = s.path("LocalNodeState").asText("inactive");
        boolean manager = s.path("ControlAvailable").asBoolean(false);
        String worker = "";
        String managerToken = "";
        if (state.equals("active") && manager) {
            JsonNode tokens = raw.get("/swarm").path("JoinTokens");
            worker = tokens.path("Worker").asText("");
            managerToken = tokens.path("Manager").asText("");
        }
        return new SwarmStatus(state.isEmpty() ? "inactive" : state, s.path("NodeID").asText(""),
                s.path("NodeAddr").asText(""), manager, s.path("Nodes").asInt(0), s.path("Managers").asInt(0),
                s.path("Error").asText(""), worker, managerToken);
    }

    @Override
    public void init(String advertiseAddress) {
        ObjectNode body = NODES.objectNode().put("ListenAddr", "0.0.0.0:2377");
        if (advertiseAddress != null && !advertiseAddress.isBlank()) {
            body.put("AdvertiseAddr", advertiseAddress.strip());
        }
        raw.post("/swarm/init", body);
    }

    @Override
    public void join(String managerAddress, String token) {
        ObjectNode body = NODES.objectNode().put("ListenAddr", "0.0.0.0:2377").put("JoinToken", token.strip());
        body.putArray("RemoteAddrs").add(managerAddress.strip());
        raw.post("/swarm/join", body);
    }

    @Override
    public void leave(boolean force) {
        raw.post("/swarm/leave?force=" + force);
    }

    @Override
    public List<SwarmNode> nodes() {
        String self = raw.get("/info").path("Swarm").path("NodeID").asText("");
        List<SwarmNode> out = new ArrayList<>();
        for (JsonNode n : raw.get("/nodes")) {
            JsonNode manager = n.path("ManagerStatus");
            String managerStatus = manager.isMissingNode() ? ""
                    : manager.path("Leader").asBoolean(false) ? "Leader" : capitalised(manager.path("Reachability")
                            .asText(""));
            out.add(new SwarmNode(n.path("ID").asText(), n.at("/Description/Hostname").asText(""),
                    n.at("/Spec/Role").asText(""), n.at("/Spec/Availability").asText(""),
                    n.at("/Status/State").asText(""), managerStatus,
                    n.at("/Description/Engine/EngineVersion").asText(""), n.at("/Status/Addr").asText(""),
                    n.path("ID").asText().equals(self)));
        }
        out.sort(Comparator.comparing(SwarmNode::hostname).thenComparing(SwarmNode::id));
        return out;
    }

    @Override
    public void setAvailability(String nodeId, String availability) {
        updateNode(nodeId, spec -> spec.put("Availability", availability));
    }

    @Override
    public void setRole(String nodeId, String role) {
        updateNode(nodeId, spec -> spec.put("Role", role));
    }

    private void updateNode(String nodeId, Consumer<ObjectNode> change) {
        JsonNode node = raw.get("/nodes/" + segment(nodeId));
        ObjectNode spec = node.path("Spec").deepCopy();
        change.accept(spec);
        raw.post("/nodes/" + segment(nodeId) + "/update?version=" + node.at("/Version/Index").asLong(), spec);
    }

    @Override
    public void removeNode(String nodeId, boolean force) {
        raw.delete("/nodes/" + segment(nodeId) + "?force=" + force);
    }

    @Override
    public List<SwarmService> services() {
        List<SwarmService> out = new ArrayList<>();
        for (JsonNode s : raw.get("/services?status=true")) {
            JsonNode spec = s.path("Spec");
            boolean global = spec.path("Mode").has("Global");
            long desired = global ? s.at("/ServiceStatus/DesiredTasks").asLong(0)
                    : spec.at("/Mode/Replicated/Replicas").asLong(1);
            List<String> ports = new ArrayList<>();
            JsonNode published = s.at("/Endpoint/Ports").isArray() ? s.at("/Endpoint/Ports")
                    : spec.at("/EndpointSpec/Ports");
            for (JsonNode p : published) {
                ports.add(p.path("PublishedPort").asInt() + ":" + p.path("TargetPort").asInt() + "/"
                        + p.path("Protocol").asText("tcp")
                        + (p.path("PublishMode").asText("ingress").equals("host") ? " (host)" : ""));
            }
            JsonNode update = s.path("UpdateStatus");
            out.add(new SwarmService(s.path("ID").asText(), spec.path("Name").asText(),
                    global ? "global" : "replicated",
                    desired, s.at("/ServiceStatus/RunningTasks").asLong(0),
                    withoutDigest(spec.at("/TaskTemplate/ContainerSpec/Image").asText("")), ports,
                    update.path("State").asText(""), update.path("Message").asText(""),
                    spec.at("/Labels/com.docker.stack.namespace").asText(""), s.at("/Version/Index").asLong()));
        }
        out.sort(Comparator.comparing(SwarmService::name));
        return out;
    }

    @Override
    public String createService(ServiceDraft draft) {
        ObjectNode spec = NODES.objectNode().put("Name", draft.name().strip());
        ObjectNode container = spec.putObject("TaskTemplate").putObject("ContainerSpec").put("Image",
                draft.image().strip());
        if (!draft.command().isEmpty()) {
            ArrayNode args = container.putArray("Args");
            draft.command().forEach(args::add);
        }
        if (!draft.env().isEmpty()) {
            ArrayNode env = container.putArray("Env");
            draft.env().forEach(env::add);
        }
        spec.putObject("Mode").putObject("Replicated").put("Replicas", draft.replicas());
        ObjectNode endpoint = spec.putObject("EndpointSpec").put("Mode", draft.dnsRoundRobin() ? "dnsrr" : "vip");
        ArrayNode ports = endpoint.putArray("Ports");
        for (ServiceDraft.Port p : draft.ports()) {
            ports.addObject().put("Protocol", p.protocol()).put("TargetPort", p.target())
                    .put("PublishedPort", p.published()).put("PublishMode", draft.dnsRoundRobin() ? "host" : "ingress");
        }
        return raw.post("/services/create", spec).path("ID").asText();
    }

    @Override
    public void scale(String serviceId, long replicas) {
        updateService(serviceId, spec -> {
            if (!spec.path("Mode").has("Replicated")) {
                throw new EngineException("Only replicated services can be scaled; this one runs one task per node.",
                        400, null);
            }
            ((ObjectNode) spec.path("Mode").path("Replicated")).put("Replicas", replicas);
        }, "");
    }

    @Override
    public void updateImage(String serviceId, String image) {
        updateService(serviceId, spec -> ((ObjectNode) spec.path("TaskTemplate").path("ContainerSpec")).put("Image",
                image.strip()), "");
    }

    @Override
    public void rollback(String serviceId) {
        updateService(serviceId, spec -> {}, "&rollback=previous");
    }

    private void updateService(String serviceId, Consumer<ObjectNode> change, String extraQuery) {
        JsonNode service = raw.get("/services/" + segment(serviceId));
        ObjectNode spec = service.path("Spec").deepCopy();
        change.accept(spec);
        raw.post("/services/" + segment(serviceId) + "/update?version=" + service.at("/Version/Index").asLong()
                + extraQuery, spec);
    }

    @Override
    public void removeService(String serviceId) {
        raw.delete("/services/" + segment(serviceId));
    }

    @Override
    public List<SwarmTask> tasks(String serviceId) {
        String path = "/tasks";
        if (serviceId != null && !serviceId.isBlank()) {
            path += "?filters=" + URLEncoder.encode("{\"service\":[\"" + serviceId + "\"]}", StandardCharsets.UTF_8);
        }
        Map<String, String> serviceNames = new HashMap<>();
        Map<String, String> nodeNames = new HashMap<>();
        for (JsonNode n : raw.get("/nodes")) {
            nodeNames.put(n.path("ID").asText(), n.at("/Description/Hostname").asText(""));
        }
        List<SwarmTask> out = new ArrayList<>();
        for (JsonNode t : raw.get(path)) {
            String sid = t.path("ServiceID").asText();
            String serviceName = serviceNames.computeIfAbsent(sid,
                    id -> raw.get("/services/" + segment(id)).at("/Spec/Name").asText(id));
            int slot = t.path("Slot").asInt(0);
            String nodeId = t.path("NodeID").asText("");
            String name = serviceName + "." + (slot > 0 ? Integer.toString(slot) : nodeId);
            JsonNode status = t.path("Status");
            out.add(new SwarmTask(t.path("ID").asText(), sid, name, slot, nodeId, nodeNames.getOrDefault(nodeId, ""),
                    t.path("DesiredState").asText(""), status.path("State").asText(""),
                    status.path("Message").asText(""), status.path("Err").asText(""),
                    withoutDigest(t.at("/Spec/ContainerSpec/Image").asText("")), status.path("Timestamp").asText("")));
        }
        // As docker service ps: by name (slot), the newest first within a slot.
        out.sort(Comparator.comparing(SwarmTask::name).thenComparing(SwarmTask::updatedAt, Comparator.reverseOrder()));
        return out;
    }

    @Override
    public Engine.Subscription serviceLogs(String serviceId, boolean follow, int tail, Consumer<ServiceLogLine> onLine,
            Consumer<EngineException> onEnd) {
        return inside.serviceLogs(serviceId, follow, tail, line -> onLine.accept(ServiceLogDetails.parse(line)),
                onEnd);
    }

    @Override
    public List<SwarmObject> secrets() {
        return objects("/secrets");
    }

    @Override
    public void createSecret(String name, byte[] data) {
        raw.post("/secrets/create", objectSpec(name, data));
    }

    @Override
    public void removeSecret(String id) {
        raw.delete("/secrets/" + segment(id));
    }

    @Override
    public List<SwarmObject> configs() {
        return objects("/configs");
    }

    @Override
    public void createConfig(String name, byte[] data) {
        raw.post("/configs/create", objectSpec(name, data));
    }

    @Override
    public void removeConfig(String id) {
        raw.delete("/configs/" + segment(id));
    }

    private List<SwarmObject> objects(String path) {
        List<SwarmObject> out = new ArrayList<>();
        for (JsonNode o : raw.get(path)) {
            out.add(new SwarmObject(o.path("ID").asText(), o.at("/Spec/Name").asText(""),
                    o.path("CreatedAt").asText("")));
        }
        out.sort(Comparator.comparing(SwarmObject::name));
        return out;
    }

    private static ObjectNode objectSpec(String name, byte[] data) {
        return NODES.objectNode().put("Name", name.strip()).put("Data", Base64.getEncoder().encodeToString(data));
    }

    /** {@code busybox:1@sha256:…} as {@code busybox:1}: the digest the manager pinned says nothing to a person. */
    static String withoutDigest(String image) {
        int at = image.indexOf('@');
        return at < 0 ? image : image.substring(0, at);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
