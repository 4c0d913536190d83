package dev.berth.runtime.image.archive;

import dev.berth.runtime.image.content.LayerCompression;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ImageRegistrar;
import dev.berth.runtime.image.content.ContentStore;
import dev.berth.runtime.image.gc.StorageGc;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageConfig;
import dev.berth.runtime.image.oci.ImageIndex;
import dev.berth.runtime.image.oci.ImageManifest;
import dev.berth.runtime.image.oci.MediaTypes;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.progress.ProgressMessage;
import dev.berth.runtime.image.progress.ProgressSink;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.storage.LayerStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docker load}: reads a docker-save archive ({@code manifest.json}) or an OCI image layout
 * ({@code index.json}), unpacks the layers it does not have and registers each image with its tags.
 */
public final class ImageLoader {
    private final ContentStore content;
    private final LayerStore layers;
    private final ImageRegistrar registrar;
    private final StorageGc gc;
    private final EventBus events;
    private final Path tmpDir;

    public ImageLoader(ContentStore content, LayerStore layers, ImageRegistrar registrar, StorageGc gc, EventBus events,
            Path tmpDir) {
        this.content = content;
        this.layers = layers;
        this.registrar = registrar;
        this.gc = gc;
        this.events = events;
        this.tmpDir = tmpDir;
    }

    /** Loads every image in {@code archive}, reporting "Loaded image: …" lines to {@code sink}. */
    public List<Digest> load(InputStream archive, ProgressSink sink) throws IOException {
        Files.createDirectories(tmpDir);
        Path spool = Files.createTempDirectory(tmpDir, "load-");
        try (StorageGc.Lease lease = gc.lease()) {
            ArchiveSpool.extract(archive, spool);
            if (Files.exists(spool.resolve("manifest.json"))) {
                return loadDockerArchive(spool, sink);
            }
            if (Files.exists(spool.resolve("index.json"))) {
                return loadOciLayout(spool, sink);
            }
            throw new InvalidArgumentException("invalid image archive: neither manifest.json nor index.json found");
        } finally {
            dev.berth.runtime.common.TreeDeleter.delete(spool);
        }
    }

    private List<Digest> loadDockerArchive(Path root, ProgressSink sink) throws IOException {
        JsonNode manifest = Json.MAPPER.readTree(Files.readAllBytes(root.resolve("manifest.json")));
        if (!manifest.isArray()) {
            throw new InvalidArgumentException("invalid image archive: manifest.json is not a list");
        }
        List<Digest> loaded = new ArrayList<>();
        for (JsonNode entry : manifest) {
            byte[] config = Files.readAllBytes(ArchiveSpool.resolve(root, text(entry, "Config")));
            List<Path> layerFiles = new ArrayList<>();
            for (JsonNode layer : entry.path("Layers")) {
                layerFiles.add(ArchiveSpool.resolve(root, layer.asText()));
            }
            List<String> tags = new ArrayList<>();
            entry.path("RepoTags").forEach(t -> tags.add(t.asText()));
            loaded.add(register(config, layerFiles, tags, sink));
        }
        return loaded;
    }

    private List<Digest> loadOciLayout(Path root, ProgressSink sink) throws IOException {
        ImageIndex index = Json.MAPPER.readValue(Files.readAllBytes(root.resolve("index.json")), ImageIndex.class);
        List<Digest> loaded = new ArrayList<>();
        for (Descriptor d : index.manifests() == null ? List.<Descriptor>of() : index.manifests()) {
            Descriptor manifestDescriptor = pickManifest(root, d);
            ImageManifest m = Json.MAPPER.readValue(Files.readAllBytes(blob(root, manifestDescriptor.digest())),
                    ImageManifest.class);
            byte[] config = Files.readAllBytes(blob(root, m.config().digest()));
            List<Path> layerFiles = new ArrayList<>();
            for (Descriptor l : m.layers()) {
                layerFiles.add(blob(root, l.digest()));
            }
            List<String> tags = new ArrayList<>();
            String name = d.annotations() == null ? null : d.annotations().get("io.containerd.image.name");
            if (name != null) {
                tags.add(ImageReference.parse(name).withDefaultTag().familiarString());
            }
            loaded.add(register(config, layerFiles, tags, sink));
        }
        return loaded;
    }

    /** An index entry may itself be an index (multi-platform): take this host's platform from it. */
    private Descriptor pickManifest(Path root, Descriptor d) throws IOException {
        if (!MediaTypes.isIndex(d.mediaType())) {
            return d;
        }
        ImageIndex nested = Json.MAPPER.readValue(Files.readAllBytes(blob(root, d.digest())), ImageIndex.class);
        Platform host = Platform.host();
        return nested.manifests().stream().filter(m -> host.matches(m.platform())).findFirst()
                .orElseThrow(
                        () -> new InvalidArgumentException("invalid image archive: no manifest for " + host.display()));
    }

    private Digest register(byte[] configBytes, List<Path> layerFiles, List<String> tags, ProgressSink sink)
            throws IOException {
        Digest id = content.put(configBytes);
        ImageConfig config = Json.MAPPER.readValue(configBytes, ImageConfig.class);
        List<Digest> diffIds = config.diffIds();
        if (diffIds.size() != layerFiles.size()) {
            throw new InvalidArgumentException(
                    "invalid image archive: " + layerFiles.size() + " layers but the config lists "
                            + diffIds.size() + " diff IDs");
        }
        List<LayerRef> refs = new ArrayList<>();
        Digest parent = null;
        for (int i = 0; i < layerFiles.size(); i++) {
            Digest chainId = LayerStore.chainId(parent, diffIds.get(i));
            Descriptor blob = storeBlob(layerFiles.get(i));
            if (!layers.exists(chainId)) {
                try (InputStream in = content.open(blob.digest())) {
                    layers.unpack(parent, diffIds.get(i), in, n -> {});
                }
            }
            refs.add(new LayerRef(diffIds.get(i), chainId, blob, layers.get(chainId).orElseThrow().size()));
            parent = chainId;
        }
        registrar.register(id, config, refs, null, Map.of());
        if (tags.isEmpty()) {
            sink.emit(ProgressMessage.stream("Loaded image ID: " + id + "\n"));
        }
        for (String tag : tags) {
            ImageReference ref = ImageReference.parse(tag).withDefaultTag();
            registrar.tag(id, ref);
            sink.emit(ProgressMessage.stream("Loaded image: " + ref.familiarString() + "\n"));
        }
        events.publish("image", "load", id.toString(),
                Map.of("name", tags.isEmpty() ? id.toString() : tags.getFirst()));
        return id;
    }

    /** Keeps the layer file as a blob (as-is, compressed or not) so the image can be pushed and saved later. */
    private Descriptor storeBlob(Path file) throws IOException {
        LayerCompression.Kind kind;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            kind = LayerCompression.detect(in);
        }
        try (InputStream in = Files.newInputStream(file)) {
            Digest digest = content.put(in);
            return Descriptor.of(LayerCompression.mediaType(kind), digest, Files.size(file));
        }
    }

    private static Path blob(Path root, Digest digest) throws IOException {
        return ArchiveSpool.resolve(root, "blobs/" + digest.algorithm() + "/" + digest.hex());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidArgumentException("invalid image archive: manifest.json entry without " + field);
        }
        return v.asText();
    }
}
