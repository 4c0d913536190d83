package dev.berth.runtime.image;

import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.archive.ImageImporter;
import dev.berth.runtime.image.archive.ImageLoader;
import dev.berth.runtime.image.archive.ImageSaver;
import dev.berth.runtime.image.content.ContentStore;
import dev.berth.runtime.image.gc.StorageGc;
import dev.berth.runtime.image.manage.ImagePruner;
import dev.berth.runtime.image.manage.ImageRemover;
import dev.berth.runtime.image.manage.ImageUsage;
import dev.berth.runtime.image.pull.ImagePuller;
import dev.berth.runtime.image.push.ImagePusher;
import dev.berth.runtime.image.push.LayerBlobs;
import dev.berth.runtime.image.registry.RegistryClient;
import dev.berth.runtime.image.registry.RegistryOptions;
import dev.berth.runtime.image.store.ImageStore;
import dev.berth.runtime.storage.LayerStore;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

/** Everything the engine does with images, wired once over one data root. */
public record ImageServices(
        ContentStore content,
        ImageStore store,
        LayerStore layers,
        RegistryClient registry,
        ImageResolver resolver,
        ImageConfigs configs,
        ImageRegistrar registrar,
        StorageGc gc,
        ImagePuller puller,
        ImagePusher pusher,
        ImageRemover remover,
        ImagePruner pruner,
        ImageSaver saver,
        ImageLoader loader,
        ImageImporter importer) {

    /**
     * Wires the image services. {@code usage} and {@code layersUsedByContainers} connect the container
     * side: images in use cannot be removed, and their layers are never collected.
     */
    public static ImageServices create(Path dataRoot, LayerStore layers, RegistryOptions options, EventBus events,
            ImageUsage usage, Supplier<Set<dev.berth.runtime.digest.Digest>> layersUsedByContainers) {
        ContentStore content = new ContentStore(dataRoot);
        ImageStore store = new ImageStore(dataRoot);
        RegistryClient registry = new RegistryClient(options);
        ImageResolver resolver = new ImageResolver(store);
        ImageRegistrar registrar = new ImageRegistrar(store, events);
        StorageGc gc = new StorageGc(store, layers, content, layersUsedByContainers);
        LayerBlobs blobs = new LayerBlobs(content, layers, store);
        Path tmp = dataRoot.resolve("tmp");
        ImageRemover remover = new ImageRemover(store, resolver, usage, gc, events);
        return new ImageServices(content, store, layers, registry, resolver, new ImageConfigs(content), registrar, gc,
                new ImagePuller(registry, content, layers, store, registrar, gc, events,
                        options.maxConcurrentDownloads()),
                new ImagePusher(registry, content, resolver, registrar, blobs, events),
                remover,
                new ImagePruner(store, remover, usage, gc, events),
                new ImageSaver(content, resolver, blobs, events, tmp),
                new ImageLoader(content, layers, registrar, gc, events, tmp),
                new ImageImporter(content, layers, registrar, gc, events));
    }
}
