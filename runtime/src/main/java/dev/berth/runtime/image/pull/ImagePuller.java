package dev.berth.runtime.image.pull;

import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.errors.UnauthorizedException;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ImageRegistrar;
import dev.berth.runtime.image.content.ContentStore;
import dev.berth.runtime.image.gc.StorageGc;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageConfig;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.progress.ProgressMessage;
import dev.berth.runtime.image.progress.ProgressSink;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.registry.Credentials;
import dev.berth.runtime.image.registry.RegistryClient;
import dev.berth.runtime.image.registry.RegistrySession;
import dev.berth.runtime.image.registry.ResolvedManifest;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.ImageStore;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.storage.LayerStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Pulls an image from a registry: resolves the manifest for the wanted platform, then fetches and
 * unpacks only the layers this engine does not have yet (by chain ID, so layers shared between
 * images and versions download once — "Already exists"), and registers the image last.
 */
public final class ImagePuller {
    private final RegistryClient registry;
    private final ContentStore content;
    private final LayerStore layers;
    private final ImageStore images;
    private final ImageRegistrar registrar;
    private final StorageGc gc;
    private final EventBus events;
    private final Semaphore downloadSlots;

    public ImagePuller(RegistryClient registry, ContentStore content, LayerStore layers, ImageStore images,
            ImageRegistrar registrar, StorageGc gc, EventBus events, int maxConcurrentDownloads) {
        this.registry = registry;
        this.content = content;
        this.layers = layers;
        this.images = images;
        this.registrar = registrar;
        this.gc = gc;
        this.events = events;
        this.downloadSlots = new Semaphore(Math.max(1, maxConcurrentDownloads), true);
    }

    /**
     * {@code docker pull --all-tags}: every tag of {@code repository}, in the registry's order; the first tag that
     * fails ends the pull, as with dockerd. One status line at the end names the repository.
     */
    public List<ImageRecord> pullAllTags(ImageReference repository, Platform platform, Credentials credentials,
            ProgressSink sink) {
        List<String> tags = registry.session(repository, credentials, false).tags();
        if (tags.isEmpty()) {
            throw new NotFoundException("no tags found for " + repository.familiarRepository());
        }
        List<ImageRecord> pulled = new java.util.ArrayList<>();
        boolean newer = false;
        ProgressSink withoutStatus = m -> {
            if (m.status() == null || !m.status().startsWith("Status: ")) {
                sink.emit(m);
            }
        };
        for (String tag : tags) {
            ImageReference ref = repository.withTag(tag);
            Optional<ImageRecord> before = images.byReference(ref.familiarString());
            ImageRecord image = pull(ref, platform, credentials, withoutStatus);
            newer |= before.map(b -> !b.id().equals(image.id())).orElse(true);
            pulled.add(image);
        }
        sink.emit(
                ProgressMessage.status("Status: " + (newer ? "Downloaded newer image for " : "Image is up to date for ")
                        + repository.familiarRepository()));
        return pulled;
    }

    /**
     * Pulls {@code reference} (":latest" when it has neither tag nor digest) and returns the image.
     * {@code platform} null means this host's, without insisting on it for single-platform images.
     */
    public ImageRecord pull(ImageReference reference, Platform platform, Credentials credentials, ProgressSink sink) {
        ImageReference ref = reference.withDefaultTag();
        String tagOrDigest = ref.digest() != null ? ref.digest().toString() : ref.tag();
        try (StorageGc.Lease lease = gc.lease()) {
            RegistrySession session = registry.session(ref, credentials, false);
            ResolvedManifest resolved = session.resolve(tagOrDigest, platform == null ? Platform.host() : platform);
            sink.emit(ProgressMessage.status(tagOrDigest, "Pulling from " + ref.path()));

            storeManifests(resolved);
            Descriptor configDescriptor = resolved.manifest().config();
            byte[] configBytes = content.contains(configDescriptor.digest())
                    ? content.read(configDescriptor.digest())
                    : session.fetchBlobBytes(configDescriptor);
            content.put(configBytes);
            ImageConfig config = Json.MAPPER.readValue(configBytes, ImageConfig.class);
            checkPlatform(config, platform, ref);

            List<LayerRef> layerRefs = fetchLayers(session, resolved.manifest().layers(), config.diffIds(), sink);
            Digest imageId = configDescriptor.digest();
            Optional<ImageRecord> before = ref.tag() == null ? Optional.empty()
                    : images.byReference(ref.familiarString());
            registrar.register(imageId, config, layerRefs, null, Map.of(
                    "manifest:" + ref.repository(), resolved.manifestDigest().toString(),
                    "top:" + ref.repository(), resolved.topDigest().toString()));
            registrar.addRepoDigest(imageId, ref, resolved.topDigest());
            if (ref.tag() != null) {
                registrar.tag(imageId, ref);
            }
            sink.emit(ProgressMessage.status("Digest: " + resolved.topDigest()));
            boolean upToDate = before.isPresent() && before.get().id().equals(imageId);
            sink.emit(ProgressMessage
                    .status("Status: " + (upToDate ? "Image is up to date for " : "Downloaded newer image for ")
                            + ref.familiarString()));
            events.publish("image", "pull", ref.familiarString(), Map.of("name", ref.familiarRepository()));
            return registrar.current(imageId);
        } catch (UnauthorizedException e) {
            // dockerd's wording and status (404), so the CLI says what to do instead of prompting for a password.
            throw new NotFoundException("pull access denied for " + ref.familiarRepository()
                    + ", repository does not exist or may require 'docker login': " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EngineException("pull of " + ref.familiarString() + " failed: " + e.getMessage(), e);
        }
    }

    private void storeManifests(ResolvedManifest resolved) {
        if (resolved.indexBytes() != null) {
            content.put(resolved.indexBytes());
        }
        content.put(resolved.manifestBytes());
    }

    private static void checkPlatform(ImageConfig config, Platform wanted, ImageReference ref) {
        if (wanted == null || config.os() == null || config.architecture() == null) {
            return;
        }
        Platform actual = new Platform(config.architecture(), config.os(), null, null, config.variant());
        if (!wanted.matches(actual)) {
            throw new InvalidArgumentException(
                    "image with reference " + ref.familiarString() + " was found but its platform ("
                            + actual.display() + ") does not match the specified platform (" + wanted.display() + ")");
        }
    }

    /** Fetches and unpacks the missing layers in parallel (bounded), reporting each like docker does. */
    private List<LayerRef> fetchLayers(RegistrySession session, List<Descriptor> blobs, List<Digest> diffIds,
            ProgressSink sink)
            throws IOException {
        if (diffIds == null) {
            throw new InvalidArgumentException("invalid image: its config lists no diff IDs (rootfs.diff_ids)");
        }
        if (blobs.size() != diffIds.size()) {
            throw new InvalidArgumentException("invalid image: the manifest has " + blobs.size()
                    + " layers but the config lists " + diffIds.size() + " diff IDs");
        }
        List<Digest> chainIds = new ArrayList<>();
        Digest parent = null;
        for (Digest diffId : diffIds) {
            parent = LayerStore.chainId(parent, diffId);
            chainIds.add(parent);
        }
        List<LayerDownload> downloads = new ArrayList<>();
        for (int i = 0; i < blobs.size(); i++) {
            Descriptor blob = blobs.get(i);
            String shortId = blob.digest().shortHex();
            if (layers.exists(chainIds.get(i))) {
                sink.emit(ProgressMessage.status(shortId, "Already exists"));
            } else {
                sink.emit(ProgressMessage.status(shortId, "Pulling fs layer"));
                downloads.add(new LayerDownload(session, content, layers, blob, i == 0 ? null : chainIds.get(i - 1),
                        diffIds.get(i), sink));
            }
        }
        runAll(downloads);
        List<LayerRef> refs = new ArrayList<>();
        for (int i = 0; i < blobs.size(); i++) {
            long size = layers.get(chainIds.get(i)).orElseThrow(() -> new EngineException("layer vanished during pull"))
                    .size();
            refs.add(new LayerRef(diffIds.get(i), chainIds.get(i), blobs.get(i), size));
        }
        return refs;
    }

    /**
     * Downloads run in parallel (bounded by the download slots); extraction runs in layer order, because a
     * layer is stacked on its parent, and overlaps with the downloads still going on — as dockerd does.
     */
    private void runAll(List<LayerDownload> downloads) throws IOException {
        if (downloads.isEmpty()) {
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> fetched = new ArrayList<>();
            for (LayerDownload d : downloads) {
                fetched.add(pool.submit(() -> {
                    d.waitForSlot(downloadSlots);
                    try {
                        d.fetch();
                    } finally {
                        downloadSlots.release();
                    }
                    return null;
                }));
            }
            try {
                for (int i = 0; i < downloads.size(); i++) {
                    await(fetched.get(i));
                    downloads.get(i).extract();
                }
            } catch (IOException | RuntimeException e) {
                fetched.forEach(f -> f.cancel(true));
                throw e;
            }
        }
    }

    private static void await(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new EngineException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("pull interrupted");
        }
    }
}
