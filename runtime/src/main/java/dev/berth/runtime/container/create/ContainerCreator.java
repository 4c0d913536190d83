package dev.berth.runtime.container.create;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.links.LinkGraph;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.ContainerConfig;
import dev.berth.runtime.container.model.HostConfig;
import dev.berth.runtime.container.model.MountPoint;
import dev.berth.runtime.container.model.RunState;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.container.store.NameGenerator;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ImageConfigs;
import dev.berth.runtime.image.ImageResolver;
import dev.berth.runtime.image.oci.ImageConfig;
import dev.berth.runtime.image.store.ImageRecord;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /containers/create}: checks the request, resolves the image (a 404 "No such image" makes the
 * CLI pull and retry), merges the image's defaults, resolves mounts and records the container as created.
 * Nothing runs yet; the runtime is only involved at start.
 */
public final class ContainerCreator {
    private static final Pattern NAME = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final Set<String> RESTART_POLICIES = Set.of("", "no", "always", "unless-stopped", "on-failure");
    private static final Set<String> NETWORK_MODES_BUILTIN = Set.of("default", "bridge", "host", "none");

    private final ContainerStore store;
    private final ImageResolver images;
    private final ImageConfigs configs;
    private final MountResolver mounts;
    private final EventBus events;
    private final NameGenerator names = new NameGenerator();
    private final SecureRandom random = new SecureRandom();

    private final LinkGraph links;

    public ContainerCreator(ContainerStore store, LinkGraph links, ImageResolver images, ImageConfigs configs,
            MountResolver mounts, EventBus events) {
        this.store = store;
        this.links = links;
        this.images = images;
        this.configs = configs;
        this.mounts = mounts;
        this.events = events;
    }

    /** Creates the container described by {@code body} (Config fields + HostConfig) under {@code name} (may be null). */
    public synchronized Container create(String name, ObjectNode body) {
        ObjectNode request = body == null ? JsonNodeFactory.instance.objectNode() : body.deepCopy();
        ObjectNode hostJson = request.remove("HostConfig") instanceof ObjectNode h ? h
                : JsonNodeFactory.instance.objectNode();
        ObjectNode networking = request.remove("NetworkingConfig") instanceof ObjectNode n ? n
                : JsonNodeFactory.instance.objectNode();
        String imageRef = text(request, "Image");
        if (imageRef.isEmpty()) {
            throw new InvalidArgumentException("config cannot be empty in order to create a container");
        }
        String chosenName = chooseName(name);
        LogDrivers.fillIn(hostJson);
        HostConfig host = new HostConfig(hostJson);
        validateHost(host);
        links.checkAtCreate(host.links(), host.networkMode());
        ImageRecord image = images.resolve(imageRef);
        ImageConfig imageConfig = configs.get(image.id());
        ObjectNode merged = ConfigMerge.merge(request, imageConfig);
        String id = newId();
        if (text(merged, "Hostname").isEmpty() && !"host".equals(host.networkMode())) {
            merged.put("Hostname", id.substring(0, 12));
        }
        ContainerConfig config = new ContainerConfig(merged);
        List<String> command = new ArrayList<>();
        if (config.entrypoint() != null) {
            command.addAll(config.entrypoint());
        }
        if (config.cmd() != null) {
            command.addAll(config.cmd());
        }
        if (command.isEmpty()) {
            throw new InvalidArgumentException("no command specified");
        }
        ObjectNode hostOut = hostJson.deepCopy();
        if (!hostOut.hasNonNull("NetworkMode") || hostOut.get("NetworkMode").asText().isEmpty()) {
            hostOut.put("NetworkMode", "bridge");
        }
        List<MountPoint> mountPoints = mounts.resolve(id, config, host);
        Container c = new Container(id, chosenName, Instant.now().toString(), imageRef, image.id(), merged, hostOut,
                RunState.created(), command.getFirst(), List.copyOf(command.subList(1, command.size())), mountPoints, 0,
                false,
                JsonNodeFactory.instance.objectNode(), networking);
        store.add(c);
        events.publish("container", "create", id, ContainerEvents.attributes(c));
        return c;
    }

    private String chooseName(String requested) {
        if (requested == null || requested.isEmpty()) {
            return names.next(n -> store.nameTaken(n, null));
        }
        if (!NAME.matcher(requested).matches()) {
            throw new InvalidArgumentException(
                    "Invalid container name (" + requested + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return requested.startsWith("/") ? requested.substring(1) : requested;
    }

    private static void validateHost(HostConfig host) {
        HostConfig.RestartPolicy policy = host.restartPolicy();
        if (!RESTART_POLICIES.contains(policy.name())) {
            throw new InvalidArgumentException("invalid restart policy: unknown policy '" + policy.name()
                    + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
        }
        if (policy.maximumRetryCount() < 0) {
            throw new InvalidArgumentException(
                    "invalid restart policy: maximum retry count must be a positive integer");
        }
        if (policy.maximumRetryCount() > 0 && !"on-failure".equals(policy.name())) {
            throw new InvalidArgumentException(
                    "invalid restart policy: maximum retry count can only be used with 'on-failure'");
        }
        if (host.autoRemove() && !List.of("", "no").contains(policy.name())) {
            throw new InvalidArgumentException("can't create 'AutoRemove' container with restart policy");
        }
        String mode = host.networkMode();
        if (mode.startsWith("container:")) {
            throw new InvalidArgumentException("network mode container:<id> is not supported by this engine yet");
        }
        if (host.memory() < 0 || host.nanoCpus() < 0 || host.pidsLimit() < -1 || host.shmSize() < 0) {
            throw new InvalidArgumentException("resource limits must not be negative");
        }
        if (!NETWORK_MODES_BUILTIN.contains(mode) && mode.isBlank()) {
            throw new InvalidArgumentException("invalid network mode: " + mode);
        }
        host.logMaxSize(); // a bad --log-opt max-size or max-file is a 400 now, not a failed start later
        host.logMaxFiles();
        JsonNode ports = host.json().get("PortBindings");
        if (ports != null && !ports.isObject() && !ports.isNull()) {
            throw new InvalidArgumentException("PortBindings must be an object");
        }
    }

    private String newId() {
        byte[] bytes = new byte[32];
        String id;
        do {
            random.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (store.byId(id).isPresent() || id.substring(0, 12).matches("\\d+"));
        return id;
    }

    private static String text(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? "" : n.asText();
    }
}
