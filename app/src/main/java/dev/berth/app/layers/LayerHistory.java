package dev.berth.app.layers;

import dev.berth.app.engine.ImageLayers;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs an image's history entries with its layers. The API's history does not say which entries made a layer
 * (the image config's {@code empty_layer} flag is not sent), and a real layer may be 0 bytes (a RUN that only made a
 * directory), so: first trust sizes when the non-zero entries are exactly the layers; else also count 0-byte entries
 * whose instruction can make files (RUN, COPY, ADD…); else give layers to the newest entries that can still take
 * them, keeping the base's order.
 */
public final class LayerHistory {
    private LayerHistory() {}

    /** For each history entry (oldest first), whether it made a layer. Exactly {@code layerCount} are true when possible. */
    static boolean[] madeLayer(List<ImageLayers.HistoryEntry> history, int layerCount) {
        int n = history.size();
        boolean[] bySize = new boolean[n];
        boolean[] byKind = new boolean[n];
        int sized = 0;
        int kinds = 0;
        for (int i = 0; i < n; i++) {
            ImageLayers.HistoryEntry h = history.get(i);
            bySize[i] = h.size() > 0;
            byKind[i] = h.size() > 0 || !Instructions.isMetadata(h.createdBy());
            sized += bySize[i] ? 1 : 0;
            kinds += byKind[i] ? 1 : 0;
        }
        if (sized == layerCount) {
            return bySize;
        }
        if (kinds == layerCount) {
            return byKind;
        }
        // Neither rule fits (a hand-made image): give each sized entry a layer, then 0-byte ones from the newest back.
        boolean[] out = bySize.clone();
        int missing = layerCount - sized;
        for (int i = n - 1; i >= 0 && missing > 0; i--) {
            if (!out[i] && byKind[i]) {
                out[i] = true;
                missing--;
            }
        }
        for (int i = n - 1; i >= 0 && missing > 0; i--) {
            if (!out[i]) {
                out[i] = true;
                missing--;
            }
        }
        return out;
    }

    /** The rows of an image, newest instruction first (as {@code docker history} prints them). */
    public static List<LayerRow> rows(ImageLayers image, SharingMap sharing) {
        List<String> chains = ChainIds.of(image.diffIds());
        boolean[] made = madeLayer(image.history(), image.diffIds().size());
        List<LayerRow> out = new ArrayList<>();
        int layer = 0;
        for (int i = 0; i < image.history().size(); i++) {
            ImageLayers.HistoryEntry h = image.history().get(i);
            if (made[i] && layer < chains.size()) {
                String chain = chains.get(layer);
                out.add(new LayerRow(layer + 1, Instructions.readable(h.createdBy()), h.size(),
                        image.diffIds().get(layer),
                        chain, h.created(), sharing.users(chain).size()));
                layer++;
            } else {
                out.add(new LayerRow(0, Instructions.readable(h.createdBy()), 0, "", "", h.created(), 0));
            }
        }
        // Layers with no history entry left (history trimmed by some tools) still belong to the image.
        for (; layer < chains.size(); layer++) {
            out.add(new LayerRow(layer + 1, "", 0, image.diffIds().get(layer), chains.get(layer), null,
                    sharing.users(chains.get(layer)).size()));
        }
        return out.reversed();
    }

    /** Size of each layer by ChainID (base first), from the history entries that made them. */
    static List<Long> layerSizes(ImageLayers image) {
        boolean[] made = madeLayer(image.history(), image.diffIds().size());
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < image.history().size() && sizes.size() < image.diffIds().size(); i++) {
            if (made[i]) {
                sizes.add(image.history().get(i).size());
            }
        }
        while (sizes.size() < image.diffIds().size()) {
            sizes.add(0L);
        }
        return sizes;
    }
}
