package dev.berth.runtime.build.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageConfig;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.storage.LayerStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker build --cache-from IMAGE}: steps are taken from images that were not built here (pulled from a
 * registry, so without parents or step keys), by their history, as moby's classic builder does: when the image being
 * built has so far the same history and layers as a cache source, and the source's next history entry records the
 * same step, that step's layer (if it made one) is reused instead of running the step. Once a build names cache
 * sources, the steps cached here count only if they lead to one of those sources (moby's ImageCache does the same):
 * {@code --cache-from nosuchtag} builds afresh, so CI can tell the cache it trusts.
 */
public final class CacheFrom {
    /** One cache source: its record and its parsed config. */
    public record Source(ImageRecord image, ImageConfig config) {}

    /** A step found in a source: the layer it made, or null for a step without one. */
    public record Match(LayerRef layer) {}

    private final List<Source> sources;
    private final boolean named;
    private final Set<Digest> lineage;

    /** No {@code --cache-from}: every step cached here may be reused. */
    public CacheFrom() {
        this(false, List.of(), Set.of());
    }

    /**
     * @param named   whether the request named cache sources at all (even if none of them is here)
     * @param sources the named images that are here
     * @param lineage the sources' image IDs and those of their parents
     */
    public CacheFrom(boolean named, List<Source> sources, Set<Digest> lineage) {
        this.named = named;
        this.sources = List.copyOf(sources);
        this.lineage = Set.copyOf(lineage);
    }

    public boolean isEmpty() {
        return sources.isEmpty();
    }

    /** Whether a step cached here as image {@code id} may be reused. */
    public boolean trusts(Digest id) {
        return !named || lineage.contains(id);
    }

    /**
     * The step {@code createdBy} on top of an image with {@code history} and {@code layers}, as a source recorded it.
     *
     * @param history the current image's history entries ({@code created_by}, {@code empty_layer}) as JSON
     */
    public Optional<Match> find(JsonNode history, List<LayerRef> layers, String createdBy) {
        int steps = history == null ? 0 : history.size();
        for (Source s : sources) {
            List<ImageConfig.History> theirs = s.config().history() == null ? List.of() : s.config().history();
            List<LayerRef> theirLayers = s.image().layers();
            if (theirs.size() <= steps || theirLayers.size() < layers.size() || !samePrefix(history, theirs)) {
                continue;
            }
            boolean sameLayers = true;
            for (int i = 0; i < layers.size(); i++) {
                sameLayers &= layers.get(i).chainId().equals(theirLayers.get(i).chainId());
            }
            ImageConfig.History next = theirs.get(steps);
            if (!sameLayers || !createdBy.equals(next.createdBy())) {
                continue;
            }
            if (Boolean.TRUE.equals(next.emptyLayer())) {
                return Optional.of(new Match(null));
            }
            if (theirLayers.size() > layers.size()) {
                LayerRef layer = theirLayers.get(layers.size());
                Objects.requireNonNull(layer);
                if (layer.chainId().equals(
                        LayerStore.chainId(layers.isEmpty() ? null : layers.getLast().chainId(), layer.diffId()))) {
                    return Optional.of(new Match(layer));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean samePrefix(JsonNode ours, List<ImageConfig.History> theirs) {
        if (ours == null) {
            return true;
        }
        for (int i = 0; i < ours.size(); i++) {
            JsonNode h = ours.get(i);
            ImageConfig.History t = theirs.get(i);
            if (!Objects.equals(h.path("created_by").asText(""), t.createdBy() == null ? "" : t.createdBy())
                    || h.path("empty_layer").asBoolean(false) != Boolean.TRUE.equals(t.emptyLayer())) {
                return false;
            }
        }
        return true;
    }
}
