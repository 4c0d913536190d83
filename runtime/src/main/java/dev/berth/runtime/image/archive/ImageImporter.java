package dev.berth.runtime.image.archive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.common.Compression;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ConfigChanges;
import dev.berth.runtime.image.ImageRegistrar;
import dev.berth.runtime.image.content.ContentStore;
import dev.berth.runtime.image.gc.StorageGc;
import dev.berth.runtime.image.oci.ImageConfig;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.storage.Layer;
import dev.berth.runtime.storage.LayerStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code docker import}: a root filesystem tarball (plain, gzip, bzip2, xz or zstd) becomes a one-layer image, its
 * config made from the {@code --change} lines, as moby's ImportImage does. The layer is unpacked with the same checks
 * as a pulled one (no entry lands outside it).
 */
public final class ImageImporter {
    private final ContentStore content;
    private final LayerStore layers;
    private final ImageRegistrar registrar;
    private final StorageGc gc;
    private final EventBus events;
    /** For imports from a URL; made on the first one (most engines never import from the network). */
    private final dev.berth.runtime.common.Lazy<java.net.http.HttpClient> http = dev.berth.runtime.common.Lazy
            .of(() -> java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                    .connectTimeout(java.time.Duration.ofSeconds(30)).build());

    public ImageImporter(ContentStore content, LayerStore layers, ImageRegistrar registrar, StorageGc gc,
            EventBus events) {
        this.content = content;
        this.layers = layers;
        this.registrar = registrar;
        this.gc = gc;
        this.events = events;
    }

    /** Opens the tarball at an http(s) {@code url} (a bare host/path means http) for {@link #importTarball}. */
    public InputStream download(String url) throws IOException {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url.contains("://") ? url : "http://" + url);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("invalid import source " + url + ": " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new InvalidArgumentException(
                    "invalid import source " + url + ": only http and https URLs or - are accepted");
        }
        try {
            java.net.http.HttpResponse<InputStream> r = http.get().send(
                    java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new InvalidArgumentException("cannot import " + url + ": the server answered " + r.statusCode());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        }
    }

    /**
     * Imports {@code tarball} as an image for {@code platform} (the host's when null), tagged {@code tag} when given.
     *
     * @param source what the history says it came from ("-" for the request body, else the URL)
     */
    public Digest importTarball(InputStream tarball, String source, ImageReference tag, List<String> changes,
            String message,
            Platform platform) {
        ObjectNode runConfig = Json.MAPPER.createObjectNode();
        ConfigChanges.apply(runConfig, changes); // a bad change is a 400 before anything is read
        try (StorageGc.Lease lease = gc.lease(); InputStream tar = Compression.decompress(tarball)) {
            Layer layer = layers.unpack(null, null, tar, n -> {});
            Platform p = platform == null ? Platform.host() : platform;
            String now = Instant.now().toString();
            ObjectNode cfg = Json.MAPPER.createObjectNode();
            cfg.put("architecture", p.architecture());
            cfg.put("os", p.os());
            if (p.variant() != null) {
                cfg.put("variant", p.variant());
            }
            cfg.put("created", now);
            cfg.set("config", runConfig);
            ObjectNode rootfs = cfg.putObject("rootfs");
            rootfs.put("type", "layers");
            rootfs.putArray("diff_ids").add(layer.diffId().toString());
            ArrayNode history = cfg.putArray("history");
            history.addObject().put("created", now).put("created_by", "")
                    .put("comment", message == null || message.isEmpty() ? "Imported from " + source : message);
            byte[] configBytes = Json.MAPPER.writeValueAsBytes(cfg);
            Digest id = content.put(configBytes);
            registrar.register(id, Json.MAPPER.readValue(configBytes, ImageConfig.class),
                    List.of(new LayerRef(layer.diffId(), layer.chainId(), null, layer.size())), null, Map.of());
            if (tag != null) {
                registrar.tag(id, tag);
            }
            events.publish("image", "import", id.toString(),
                    Map.of("name", tag == null ? id.toString() : tag.familiarString()));
            return id;
        } catch (IOException e) {
            throw new EngineException("cannot import the image: " + e.getMessage(), e);
        }
    }
}
