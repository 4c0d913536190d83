package dev.berth.app.layers;

import dev.berth.app.engine.ImageLayers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which images hold which layers (by ChainID), and what sharing saves: without it each image would keep its own
 * copy of every layer ({@link #withoutSharing()}); with it each layer is kept once ({@link #onDisk()}).
 */
public final class SharingMap {
    private final Map<String, Set<String>> users = new LinkedHashMap<>();
    private final Map<String, Long> sizes = new LinkedHashMap<>();
    private final Map<String, List<String>> chainsByImage = new LinkedHashMap<>();

    /** @param images every image, keyed by the label to show for it */
    public SharingMap(Map<String, ImageLayers> images) {
        for (var e : images.entrySet()) {
            List<String> chains = ChainIds.of(e.getValue().diffIds());
            List<Long> layerSizes = LayerHistory.layerSizes(e.getValue());
            chainsByImage.put(e.getKey(), chains);
            for (int i = 0; i < chains.size(); i++) {
                users.computeIfAbsent(chains.get(i), k -> new LinkedHashSet<>()).add(e.getKey());
                sizes.merge(chains.get(i), layerSizes.get(i), Math::max);
            }
        }
    }

    /** Labels of the images holding the layer {@code chainId}. */
    public Set<String> users(String chainId) {
        return users.getOrDefault(chainId, Set.of());
    }

    /** The layers (ChainIDs, base first) of each image, in the order given. */
    public Map<String, List<String>> chainsByImage() {
        return chainsByImage;
    }

    public long size(String chainId) {
        return sizes.getOrDefault(chainId, 0L);
    }

    /** Layers held by more than one image, in first-seen order. */
    public List<String> sharedLayers() {
        List<String> out = new ArrayList<>();
        users.forEach((chain, who) -> {
            if (who.size() > 1) {
                out.add(chain);
            }
        });
        return out;
    }

    /** Bytes of every layer counted once. */
    public long onDisk() {
        return sizes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Bytes if every image kept its own copy of its layers. */
    public long withoutSharing() {
        long total = 0;
        for (var e : users.entrySet()) {
            total += size(e.getKey()) * e.getValue().size();
        }
        return total;
    }

    public long saved() {
        return withoutSharing() - onDisk();
    }
}
