package dev.berth.runtime.build.steps;

import dev.berth.runtime.common.TreeDeleter;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.storage.Layer;
import dev.berth.runtime.storage.LayerStore;
import dev.berth.runtime.storage.OverlayMounts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An image's file system mounted for a file step: the image's layers as overlay lowerdirs and a fresh upper dir,
 * so that what COPY, ADD or WORKDIR write lands in the upper dir and becomes the step's layer — a container's root
 * without the container. Also lends stages and images to {@code COPY --from} and {@code RUN --mount=from=} to read.
 */
final class BuildRoot implements AutoCloseable {
    private final OverlayMounts overlay;
    private final Path dir;
    private boolean mounted = true;

    private BuildRoot(OverlayMounts overlay, Path dir) {
        this.overlay = overlay;
        this.dir = dir;
    }

    /** Mounts {@code layers} (bottom first) with a new upper dir under {@code dir}. */
    static BuildRoot mount(OverlayMounts overlay, LayerStore store, List<LayerRef> layers, Path dir) {
        List<Layer> lowers = new ArrayList<>();
        for (LayerRef ref : layers.reversed()) {
            lowers.add(store.get(ref.chainId())
                    .orElseThrow(() -> new EngineException("layer " + ref.chainId() + " is missing")));
        }
        BuildRoot root = new BuildRoot(overlay, dir);
        overlay.mount(lowers, root.upper(), dir.resolve("work"), root.path());
        return root;
    }

    /** The merged file system. */
    Path path() {
        return dir.resolve("merged");
    }

    /** What was written: the step's changes in layer-diff form. */
    Path upper() {
        return dir.resolve("upper");
    }

    /**
     * Unmounts and makes what was written the next layer on {@code parentChainId}, moving the upper dir into the
     * store rather than writing its files again; null if nothing was written.
     */
    dev.berth.runtime.storage.Layer commit(LayerStore store, dev.berth.runtime.digest.Digest parentChainId) {
        overlay.unmount(path());
        mounted = false;
        return store.adoptDir(parentChainId, upper());
    }

    /** Unmounts (unless {@link #commit} did) and deletes the directories. */
    @Override
    public void close() {
        if (mounted) {
            overlay.unmount(path());
        }
        try {
            TreeDeleter.delete(dir);
        } catch (IOException e) {
            System.getLogger("berth.build").log(System.Logger.Level.WARNING, "cannot remove " + dir + ": " + e);
        }
    }
}
