package dev.berth.runtime.build.steps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.build.cache.BuildCache;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageConfig;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.storage.Layer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a planned step: asks the cache for an image with the same parent and key (unless {@code nocache}), else does
 * the work and commits the result as a new image whose parent is the current one, with the step in its history and
 * its key in its record. Prints {@code ---> Using cache} and {@code ---> <id>} as dockerd does.
 */
final class StepRunner {
    /** dockerd's limit on an image's layers; overlay mount options run out soon after. */
    static final int MAX_LAYERS = 125;

    private static final System.Logger LOG = System.getLogger("berth.build");

    private final BuildTools tools;
    private final BuildSession session;

    StepRunner(BuildTools tools, BuildSession session) {
        this.tools = tools;
        this.session = session;
    }

    /** Runs {@code plan} on {@code s}, which then stands at the step's image. */
    void run(BuildState s, StepPlan plan) {
        long start = System.nanoTime();
        try {
            runTimed(s, plan);
        } finally {
            LOG.log(System.Logger.Level.DEBUG, () -> "build step " + plan.createdBy() + ": "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    private void runTimed(BuildState s, StepPlan plan) {
        session.cancellation().check();
        String key = BuildCache.key(s.imageId(), plan.createdBy(), plan.inputs());
        if (!session.request().noCache()) {
            var hit = tools.cache().find(s.imageId(), key).filter(h -> session.cacheFrom().trusts(h.id()));
            if (hit.isPresent()) {
                useImage(s, hit.get());
                session.say(" ---> Using cache\n");
                session.say(" ---> " + hit.get().id().shortHex() + "\n");
                return;
            }
        }
        ObjectNode image = s.image().deepCopy();
        plan.imageChange().accept(image);
        var fromSource = session.cacheFrom().find(s.image().get("history"), s.layers(), plan.createdBy());
        StepPlan.Result result;
        if (!session.request().noCache() && fromSource.isPresent()) {
            // A --cache-from image recorded this very step: take its layer instead of running the step.
            session.say(" ---> Using cache\n");
            LayerRef ref = fromSource.get().layer();
            result = new StepPlan.Result(ref == null ? null : tools.images().layers().get(ref.chainId())
                    .orElseThrow(() -> new EngineException("layer " + ref.chainId() + " is missing")), null);
        } else {
            result = plan.work() == null ? new StepPlan.Result(null, null) : plan.work().run();
        }
        Digest id = commit(s, image, plan, result, key);
        session.say(" ---> " + id.shortHex() + "\n");
    }

    /** Makes {@code record} the state's current image. */
    void useImage(BuildState s, ImageRecord record) {
        try {
            ObjectNode image = (ObjectNode) Json.MAPPER.readTree(tools.images().content().read(record.id()));
            s.use(image, record.id(), record.layers());
        } catch (IOException e) {
            throw new EngineException(
                    "the config of image " + record.id().shortHex() + " is unreadable: " + e.getMessage(), e);
        }
    }

    private Digest commit(BuildState s, ObjectNode image, StepPlan plan, StepPlan.Result result, String key) {
        Layer layer = result.layer();
        List<LayerRef> layers = new ArrayList<>(s.layers());
        if (layer != null) {
            if (layers.size() >= MAX_LAYERS) {
                throw new InvalidArgumentException(
                        "max depth exceeded: an image can have at most " + MAX_LAYERS + " layers");
            }
            layers.add(new LayerRef(layer.diffId(), layer.chainId(), null, layer.size()));
        }
        String now = Instant.now().toString();
        image.put("created", now);
        if (result.containerId() != null) {
            image.put("container", result.containerId());
        } else {
            image.remove("container");
        }
        ObjectNode containerConfig = ((ObjectNode) image.get("config")).deepCopy();
        ArrayNode stepCmd = containerConfig.putArray("Cmd");
        plan.stepCmd().forEach(stepCmd::add);
        image.set("container_config", containerConfig);
        ObjectNode history = Json.MAPPER.createObjectNode();
        history.put("created", now);
        history.put("created_by", plan.createdBy());
        if (layer == null) {
            history.put("empty_layer", true);
        }
        (image.get("history") instanceof ArrayNode a ? a : image.putArray("history")).add(history);
        ObjectNode rootfs = image.get("rootfs") instanceof ObjectNode r ? r : image.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.get("diff_ids") instanceof ArrayNode d ? d : rootfs.putArray("diff_ids");
        if (layer != null) {
            diffIds.add(layer.diffId().toString());
        }
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(image);
            Digest id = tools.images().content().put(bytes);
            tools.images().registrar().register(id, Json.MAPPER.readValue(bytes, ImageConfig.class), layers,
                    s.imageId(),
                    Map.of(BuildCache.KEY, key));
            s.use(image, id, layers);
            return id;
        } catch (IOException e) {
            throw new EngineException("cannot store the image of a build step: " + e.getMessage(), e);
        }
    }
}
