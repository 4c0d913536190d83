package dev.berth.runtime.container.files;

import dev.berth.runtime.image.ConfigChanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.create.ContainerEvents;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.run.RootFs;
import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageConfig;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.storage.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker commit}: the container's upper dir becomes a new layer on the image's top layer (written as a
 * layer tar with whiteouts in {@code .wh.} form, then unpacked by the layer store like any pulled layer), and a
 * new image config is the image's config with the container's run config, the {@code --change}s, one more history
 * entry and the new DiffID.
 */
public final class ContainerCommitter {
    private final ContainerServices containers;
    private final ImageServices images;
    private final EventBus events;

    public ContainerCommitter(ContainerServices containers, ImageServices images, EventBus events) {
        this.containers = containers;
        this.images = images;
        this.events = events;
    }

    /** Commits and returns the new image's ID. */
    public Digest commit(CommitRequest r) {
        Container c = containers.store().resolve(r.container());
        ImageReference tag = reference(r.repo(), r.tag());
        ObjectNode runConfig = runConfig(c, r.config());
        ConfigChanges.apply(runConfig, r.changes());
        boolean pause = r.pause() && c.state().isRunning() && !c.state().isPaused();
        if (pause) {
            try {
                containers.lifecycle().pause(c.id());
            } catch (ConflictException exitedMeanwhile) {
                // It stopped between the look above and the pause (a container that has just exited): dockerd
                // commits it as it is, and there is nothing left to freeze.
                pause = false;
            }
        }
        Layer layer;
        try {
            layer = newLayer(c);
        } finally {
            if (pause) {
                containers.lifecycle().unpause(c.id());
            }
        }
        ImageRecord image = images.store().byId(c.imageId())
                .orElseThrow(() -> new EngineException("the image of container " + c.shortId() + " is gone"));
        List<LayerRef> layers = new ArrayList<>(image.layers());
        if (layer != null) {
            layers.add(new LayerRef(layer.diffId(), layer.chainId(), null, layer.size()));
        }
        byte[] configBytes = imageConfig(c, r, runConfig, layer);
        Digest id = images.content().put(configBytes);
        try {
            images.registrar().register(id, Json.MAPPER.readValue(configBytes, ImageConfig.class), layers, c.imageId(),
                    Map.of());
        } catch (IOException e) {
            throw new EngineException("the committed image config does not parse: " + e.getMessage(), e);
        }
        if (tag != null) {
            images.registrar().tag(id, tag);
        }
        Map<String, String> attrs = new HashMap<>(ContainerEvents.attributes(c));
        attrs.put("comment", r.comment() == null ? "" : r.comment());
        attrs.put("imageID", id.toString());
        attrs.put("imageRef", tag == null ? "" : tag.familiarString());
        events.publish("container", "commit", c.id(), attrs);
        return id;
    }

    private static ImageReference reference(String repo, String tag) {
        if (repo == null || repo.isEmpty()) {
            if (tag != null && !tag.isEmpty()) {
                throw new InvalidArgumentException("a tag needs a repository");
            }
            return null;
        }
        try {
            ImageReference ref = ImageReference.parse(repo);
            if (ref.digest() != null || ref.tag() != null && tag != null && !tag.isEmpty()) {
                throw new InvalidArgumentException("invalid repository name " + repo);
            }
            return tag == null || tag.isEmpty() ? ref.withDefaultTag() : ref.withTag(tag);
        } catch (RuntimeException e) {
            if (e instanceof InvalidArgumentException) {
                throw e;
            }
            throw new InvalidArgumentException(
                    "invalid reference " + repo + (tag == null ? "" : ":" + tag) + ": " + e.getMessage());
        }
    }

    /** The container's config, with the request's config fields (when given) taking precedence. */
    private static ObjectNode runConfig(Container c, ObjectNode requested) {
        ObjectNode out = c.config().deepCopy();
        if (requested != null) {
            requested.properties().forEach(e -> {
                JsonNode v = e.getValue();
                boolean empty = v == null || v.isNull() || (v.isContainerNode() && v.isEmpty())
                        || (v.isTextual() && v.asText().isEmpty());
                if (!empty) {
                    out.set(e.getKey(), v.deepCopy());
                }
            });
        }
        return out;
    }

    /** The upper dir as a layer on the image's top layer, or null if the container changed nothing. */
    private Layer newLayer(Container c) {
        Path upper = RootFs.upper(containers.store().dir(c.id()));
        if (!Files.isDirectory(upper)) {
            return null;
        }
        Digest parent = images.store().byId(c.imageId()).map(ImageRecord::topChainId).orElse(null);
        return images.layers().commitDir(parent, upper);
    }

    private byte[] imageConfig(Container c, CommitRequest r, ObjectNode runConfig, Layer layer) {
        try {
            ObjectNode cfg = (ObjectNode) Json.MAPPER.readTree(images.content().read(c.imageId()));
            String now = Instant.now().toString();
            cfg.put("created", now);
            cfg.set("config", runConfig);
            cfg.put("container", c.id());
            cfg.remove("container_config");
            putIfPresent(cfg, "author", r.author());
            putIfPresent(cfg, "comment", r.comment());
            ObjectNode history = Json.MAPPER.createObjectNode();
            history.put("created", now);
            putIfPresent(history, "author", r.author());
            history.put("created_by", createdBy(c));
            putIfPresent(history, "comment", r.comment());
            if (layer == null) {
                history.put("empty_layer", true);
            }
            arrayOf(cfg, "history").add(history);
            ObjectNode rootfs = cfg.get("rootfs") instanceof ObjectNode o ? o : cfg.putObject("rootfs");
            rootfs.put("type", "layers");
            ArrayNode diffIds = arrayOf(rootfs, "diff_ids");
            if (layer != null) {
                diffIds.add(layer.diffId().toString());
            }
            return Json.MAPPER.writeValueAsBytes(cfg);
        } catch (IOException e) {
            throw new EngineException("cannot build the config of the committed image: " + e.getMessage(), e);
        }
    }

    private static String createdBy(Container c) {
        List<String> parts = new ArrayList<>();
        if (c.path() != null) {
            parts.add(c.path());
        }
        if (c.args() != null) {
            parts.addAll(c.args());
        }
        return String.join(" ", parts);
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null && !value.isEmpty()) {
            n.put(field, value);
        }
    }

    private static ArrayNode arrayOf(ObjectNode n, String field) {
        return n.get(field) instanceof ArrayNode a ? a : n.putArray(field);
    }
}
