package dev.berth.runtime.image.push;

import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ImageRegistrar;
import dev.berth.runtime.image.ImageResolver;
import dev.berth.runtime.image.content.ContentStore;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageManifest;
import dev.berth.runtime.image.oci.MediaTypes;
import dev.berth.runtime.image.progress.ProgressMessage;
import dev.berth.runtime.image.progress.ProgressSink;
import dev.berth.runtime.image.progress.TransferReporter;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.registry.Credentials;
import dev.berth.runtime.image.registry.RegistryClient;
import dev.berth.runtime.image.registry.RegistrySession;
import dev.berth.runtime.image.store.ImageRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker push}: uploads the layers the registry lacks, then the config and a manifest. A manifest
 * the image was pulled with is pushed byte for byte, so its digest — and RepoDigests — stay the same.
 */
public final class ImagePusher {
    private final RegistryClient registry;
    private final ContentStore content;
    private final ImageResolver resolver;
    private final ImageRegistrar registrar;
    private final LayerBlobs layerBlobs;
    private final EventBus events;

    public ImagePusher(RegistryClient registry, ContentStore content, ImageResolver resolver, ImageRegistrar registrar,
            LayerBlobs layerBlobs, EventBus events) {
        this.registry = registry;
        this.content = content;
        this.resolver = resolver;
        this.registrar = registrar;
        this.layerBlobs = layerBlobs;
        this.events = events;
    }

    /** Pushes the image named {@code target} (":latest" by default) to its registry. */
    public Digest push(ImageReference target, Credentials credentials, ProgressSink sink) {
        ImageReference ref = target.withDefaultTag();
        ImageRecord image = resolver.resolve(ref.familiarString());
        sink.emit(ProgressMessage
                .status("The push refers to repository [" + ref.withoutTagOrDigest().familiarString() + "]"));
        try {
            RegistrySession session = registry.session(ref, credentials, true);
            List<Descriptor> layers = layerBlobs.compressedLayers(image);
            for (Descriptor layer : layers.reversed()) {
                sink.emit(ProgressMessage.status(layer.digest().shortHex(), "Preparing"));
            }
            for (Descriptor layer : layers.reversed()) {
                pushLayer(session, layer, sink);
            }
            byte[] config = content.read(image.id());
            session.pushBlob(Descriptor.of(MediaTypes.DOCKER_CONFIG, image.id(), config.length),
                    () -> content.open(image.id()), n -> {});
            Manifest manifest = manifestFor(image, layers, config.length);
            Digest digest = session.pushManifest(ref.tag(), manifest.mediaType(), manifest.bytes());
            registrar.addRepoDigest(image.id(), ref, digest);
            sink.emit(ProgressMessage.status(ref.tag() + ": digest: " + digest + " size: " + manifest.bytes().length));
            Map<String, Object> aux = new LinkedHashMap<>();
            aux.put("Tag", ref.tag());
            aux.put("Digest", digest.toString());
            aux.put("Size", manifest.bytes().length);
            sink.emit(ProgressMessage.aux(aux));
            events.publish("image", "push", ref.familiarString(), Map.of("name", ref.familiarRepository()));
            return digest;
        } catch (IOException e) {
            throw new EngineException("push of " + ref.familiarString() + " failed: " + e.getMessage(), e);
        }
    }

    private void pushLayer(RegistrySession session, Descriptor layer, ProgressSink sink) {
        String id = layer.digest().shortHex();
        if (session.blobExists(layer.digest())) {
            sink.emit(ProgressMessage.status(id, "Layer already exists"));
            return;
        }
        session.pushBlob(layer, () -> content.open(layer.digest()),
                new TransferReporter(sink, id, "Pushing", layer.size()));
        sink.emit(ProgressMessage.status(id, "Pushed"));
    }

    private record Manifest(String mediaType, byte[] bytes) {}

    /** The stored manifest whose layers are exactly these blobs, else a fresh Docker schema2 manifest. */
    private Manifest manifestFor(ImageRecord image, List<Descriptor> layers, long configSize) throws IOException {
        if (image.metadata() != null) {
            for (Map.Entry<String, String> e : image.metadata().entrySet()) {
                if (e.getKey().startsWith("manifest:") && Digest.isDigest(e.getValue())
                        && content.contains(Digest.parse(e.getValue()))) {
                    byte[] bytes = content.read(Digest.parse(e.getValue()));
                    ImageManifest m = Json.MAPPER.readValue(bytes, ImageManifest.class);
                    List<Digest> stored = m.layers().stream().map(Descriptor::digest).toList();
                    if (stored.equals(layers.stream().map(Descriptor::digest).toList())
                            && m.config().digest().equals(image.id())) {
                        return new Manifest(m.mediaType() != null ? m.mediaType() : MediaTypes.OCI_MANIFEST, bytes);
                    }
                }
            }
        }
        boolean oci = layers.stream().anyMatch(l -> l.mediaType().startsWith("application/vnd.oci"));
        String mediaType = oci ? MediaTypes.OCI_MANIFEST : MediaTypes.DOCKER_MANIFEST;
        List<Descriptor> plain = new ArrayList<>();
        for (Descriptor l : layers) {
            plain.add(Descriptor.of(l.mediaType(), l.digest(), l.size()));
        }
        ImageManifest manifest = new ImageManifest(2, mediaType,
                Descriptor.of(oci ? MediaTypes.OCI_CONFIG : MediaTypes.DOCKER_CONFIG, image.id(), configSize), plain,
                null, null, null);
        byte[] bytes = Json.MAPPER.writeValueAsBytes(manifest);
        content.put(bytes);
        return new Manifest(mediaType, bytes);
    }
}
