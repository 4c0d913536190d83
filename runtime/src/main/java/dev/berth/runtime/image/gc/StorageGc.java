package dev.berth.runtime.image.gc;

import dev.berth.runtime.image.content.ContentStore;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.store.ImageStore;
import dev.berth.runtime.storage.Layer;
import dev.berth.runtime.storage.LayerStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Removes layers and blobs that no image (and no container) refers to any more.
 *
 * <p>A pull or load writes blobs and layers before the image record that refers to them exists, so
 * while any such operation holds a {@link Lease}, collection is deferred until the last lease ends.
 */
public final class StorageGc {
    private static final System.Logger LOG = System.getLogger(StorageGc.class.getName());

    private final ImageStore images;
    private final LayerStore layers;
    private final ContentStore content;
    private final Supplier<Set<Digest>> layersUsedElsewhere;
    private int activeLeases;
    private boolean pending;

    /** {@code layersUsedElsewhere} names chain IDs held by something other than images (containers). */
    public StorageGc(ImageStore images, LayerStore layers, ContentStore content,
            Supplier<Set<Digest>> layersUsedElsewhere) {
        this.images = images;
        this.layers = layers;
        this.content = content;
        this.layersUsedElsewhere = layersUsedElsewhere;
    }

    /** Holds collection off until closed; take one for the whole of a pull or load. */
    public Lease lease() {
        synchronized (this) {
            activeLeases++;
        }
        return this::release;
    }

    private void release() {
        boolean run;
        synchronized (this) {
            activeLeases--;
            run = activeLeases == 0 && pending;
        }
        if (run) {
            collect();
        }
    }

    /** Collects now, or as soon as no lease is held; returns the bytes freed now (0 when deferred). */
    public long collect() {
        synchronized (this) {
            if (activeLeases > 0) {
                pending = true;
                return 0;
            }
            pending = false;
            long freed = 0;
            Set<Digest> keepLayers = new HashSet<>(images.layersInUse());
            keepLayers.addAll(layersUsedElsewhere.get());
            freed += removeUnusedLayers(keepLayers);
            Set<Digest> keepBlobs = images.blobsInUse();
            for (Digest blob : content.list()) {
                if (!keepBlobs.contains(blob)) {
                    freed += content.size(blob);
                    content.delete(blob);
                }
            }
            return freed;
        }
    }

    /** Removes unused layers top-down: a layer can only go once nothing is stacked on it. */
    private long removeUnusedLayers(Set<Digest> keep) {
        long freed = 0;
        boolean removedAny = true;
        while (removedAny) {
            removedAny = false;
            List<Layer> all = layers.list();
            Set<Digest> parents = new HashSet<>();
            all.forEach(l -> {
                if (l.parent() != null) {
                    parents.add(l.parent());
                }
            });
            for (Layer layer : all) {
                if (!keep.contains(layer.chainId()) && !parents.contains(layer.chainId())) {
                    freed += layer.size();
                    layers.remove(layer.chainId());
                    removedAny = true;
                    LOG.log(System.Logger.Level.DEBUG, "removed unused layer {0}", layer.chainId());
                }
            }
        }
        return freed;
    }

    /** Bytes held by unpacked layers and stored blobs. */
    public long diskUsage() {
        return layers.diskUsage() + content.totalSize();
    }

    /** A hold on collection; closing it never throws. */
    @FunctionalInterface
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
