package dev.berth.runtime.container.run;

import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.ImageStore;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.storage.Layer;
import dev.berth.runtime.storage.LayerStore;
import dev.berth.runtime.storage.OverlayMounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's root filesystem: the image's layers as overlay lower dirs (top first), the container's own
 * {@code upper} dir for its changes, mounted at {@code merged}. Layout under {@code containers/<id>/}.
 */
public final class RootFs implements ContainerRoots {
    private final LayerStore layers;
    private final ImageStore images;
    private final OverlayMounts overlay;

    public RootFs(LayerStore layers, ImageStore images, OverlayMounts overlay) {
        this.layers = layers;
        this.images = images;
        this.overlay = overlay;
    }

    /** The container's writable layer (its changes, what {@code docker diff} reads). */
    public static Path upper(Path containerDir) {
        return containerDir.resolve("upper");
    }

    public static Path merged(Path containerDir) {
        return containerDir.resolve("merged");
    }

    /** The image's layers, top first (overlay's lowerdir order). */
    public List<Layer> lowerLayers(Container c) {
        ImageRecord image = images.byId(c.imageId())
                .orElseThrow(() -> new EngineException(
                        "the image of container " + c.shortId() + " (" + c.imageId() + ") is gone"));
        List<Layer> out = new ArrayList<>();
        for (LayerRef ref : image.layers().reversed()) {
            out.add(layers.get(ref.chainId())
                    .orElseThrow(() -> new EngineException("layer " + ref.chainId() + " is missing")));
        }
        return out;
    }

    /** Mounts the root filesystem (idempotent: an existing mount is replaced) and returns the merged dir. */
    @Override
    public Path mount(Container c, Path containerDir) {
        Path merged = merged(containerDir);
        try {
            if (isMounted(merged)) {
                return merged;
            }
            overlay.mount(lowerLayers(c), upper(containerDir), containerDir.resolve("work"), merged);
            return merged;
        } catch (IOException e) {
            throw new EngineException("cannot mount the root filesystem of " + c.shortId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void unmount(Path containerDir) {
        overlay.unmount(merged(containerDir));
    }

    /** True if {@code dir} is a mount point now (from /proc/self/mountinfo). */
    public static boolean isMounted(Path dir) throws IOException {
        String wanted = dir.toAbsolutePath().normalize().toString();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            if (f.length > 4 && f[4].replace("\\040", " ").equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
