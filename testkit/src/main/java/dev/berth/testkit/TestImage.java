package dev.berth.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built image: its layers, config and manifest as exact bytes with their digests, ready to push.
 * Make one with {@link #builder()}; ready-made ones are in {@link TestImages}.
 */
public final class TestImage {

    static final ObjectMapper JSON = new ObjectMapper();

    private final List<Layer> layers;
    private final ManifestFormat format;
    private final String os;
    private final String architecture;
    private final String variant;
    private final byte[] config;
    private final byte[] manifest;

    private TestImage(List<Layer> layers, ManifestFormat format, String os, String architecture, String variant,
            byte[] config, byte[] manifest) {
        this.layers = List.copyOf(layers);
        this.format = format;
        this.os = os;
        this.architecture = architecture;
        this.variant = variant;
        this.config = config;
        this.manifest = manifest;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Layer> layers() {
        return layers;
    }

    public ManifestFormat format() {
        return format;
    }

    public String os() {
        return os;
    }

    public String architecture() {
        return architecture;
    }

    /** The CPU variant (e.g. {@code v8}), or null. */
    public String variant() {
        return variant;
    }

    /** The config blob, exactly as pushed (do not modify the array). */
    public byte[] configBytes() {
        return config;
    }

    public String configDigest() {
        return Digests.sha256(config);
    }

    /** The manifest, exactly as pushed (do not modify the array). */
    public byte[] manifestBytes() {
        return manifest;
    }

    public String manifestDigest() {
        return Digests.sha256(manifest);
    }

    public String manifestMediaType() {
        return format.manifestType();
    }

    /** The layers' diff IDs, bottom first, as the config lists them. */
    public List<String> diffIds() {
        return layers.stream().map(Layer::diffId).toList();
    }

    /**
     * Writes the image as {@code docker save} does ({@code manifest.json}, the config, one file per layer as it is
     * compressed), tagged {@code repoTag}: what {@code docker load -i} takes, with no registry in between.
     */
    public void writeArchive(java.nio.file.Path tar, String repoTag) {
        String configName = configDigest().substring("sha256:".length()) + ".json";
        ArrayNode manifestJson = JSON.createArrayNode();
        ObjectNode entry = manifestJson.addObject();
        entry.put("Config", configName);
        entry.putArray("RepoTags").add(repoTag);
        ArrayNode layerNames = entry.putArray("Layers");
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                java.nio.file.Files.newOutputStream(tar))) {
            for (Layer layer : layers) {
                String name = layer.digest().substring("sha256:".length()) + "/layer.tar";
                layerNames.add(name);
                putEntry(out, name, layer.bytes());
            }
            putEntry(out, configName, config);
            putEntry(out, "manifest.json", JSON.writeValueAsBytes(manifestJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putEntry(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream out, String name,
            byte[] bytes)
            throws IOException {
        var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
        e.setSize(bytes.length);
        out.putArchiveEntry(e);
        out.write(bytes);
        out.closeArchiveEntry();
    }

    /** Pushes the layers, config and manifest to {@code repo:tag}; returns the manifest digest. */
    public String push(RegistryEndpoint registry, String repo, String tag) {
        return push(registry.client(), repo, tag);
    }

    String push(RegistryClient client, String repo, String reference) {
        for (Layer layer : layers) {
            client.pushBlob(repo, layer.digest(), layer.bytes());
        }
        client.pushBlob(repo, configDigest(), config);
        client.pushManifest(repo, reference, manifestMediaType(), manifest);
        return manifestDigest();
    }

    /**
     * Pushes each image by digest and then an index listing them by platform under {@code repo:tag}; the index
     * uses the first image's format. Returns the index digest.
     */
    public static String pushIndex(RegistryEndpoint registry, String repo, String tag, TestImage... perPlatform) {
        if (perPlatform.length == 0) {
            throw new IllegalArgumentException("an index needs at least one image");
        }
        RegistryClient client = registry.client();
        ManifestFormat format = perPlatform[0].format;
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", format.indexType());
        ArrayNode manifests = index.putArray("manifests");
        for (TestImage image : perPlatform) {
            image.push(client, repo, image.manifestDigest());
            ObjectNode entry = manifests.addObject()
                    .put("mediaType", image.manifestMediaType())
                    .put("digest", image.manifestDigest())
                    .put("size", image.manifest.length);
            ObjectNode platform = entry.putObject("platform")
                    .put("architecture", image.architecture)
                    .put("os", image.os);
            if (image.variant != null) {
                platform.put("variant", image.variant);
            }
        }
        byte[] bytes = write(index);
        client.pushManifest(repo, tag, format.indexType(), bytes);
        return Digests.sha256(bytes);
    }

    @Override
    public String toString() {
        return "TestImage[" + manifestDigest() + ", " + os + "/" + architecture + ", " + layers.size() + " layers]";
    }

    static byte[] write(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects layers, run configuration and platform; {@link #build()} writes the config and manifest. */
    public static final class Builder {

        private record History(String createdBy, boolean emptyLayer) {
        }

        private final List<Layer> layers = new ArrayList<>();
        private final List<History> history = new ArrayList<>();
        private final List<String> env = new ArrayList<>();
        private List<String> cmd;
        private List<String> entrypoint;
        private String workingDir;
        private String user;
        private final List<String> exposedPorts = new ArrayList<>();
        private final List<String> volumes = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String os = "linux";
        private String architecture = "amd64";
        private String variant;
        private ManifestFormat format = ManifestFormat.OCI;
        private String created = LayerBuilder.MTIME.toString();

        private Builder() {}

        /** Adds a layer on top, with a history entry saying where it came from. */
        public Builder layer(Layer layer, String createdBy) {
            layers.add(layer);
            history.add(new History(createdBy, false));
            return this;
        }

        public Builder layer(Layer layer) {
            return layer(layer, "berth-testkit layer " + (layers.size() + 1));
        }

        /** Adds a history entry that made no layer ({@code empty_layer: true}), like a CMD or ENV step. */
        public Builder history(String createdBy) {
            history.add(new History(createdBy, true));
            return this;
        }

        /** Adds {@code NAME=value} entries. */
        public Builder env(String... entries) {
            env.addAll(List.of(entries));
            return this;
        }

        public Builder cmd(String... args) {
            cmd = List.of(args);
            return this;
        }

        public Builder entrypoint(String... args) {
            entrypoint = List.of(args);
            return this;
        }

        public Builder workingDir(String dir) {
            workingDir = dir;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** E.g. {@code "80/tcp"}. */
        public Builder exposedPort(String port) {
            exposedPorts.add(port);
            return this;
        }

        public Builder volume(String path) {
            volumes.add(path);
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        /** The platform in the config (default linux/amd64); {@code variant} may be null. */
        public Builder platform(String os, String architecture, String variant) {
            this.os = os;
            this.architecture = architecture;
            this.variant = variant;
            return this;
        }

        public Builder mediaTypes(ManifestFormat format) {
            this.format = format;
            return this;
        }

        /** The config's {@code created} time (RFC 3339); fixed by default so builds are reproducible. */
        public Builder created(String created) {
            this.created = created;
            return this;
        }

        public TestImage build() {
            byte[] config = write(config());
            ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType",
                    format.manifestType());
            manifest.putObject("config")
                    .put("mediaType", format.configType())
                    .put("digest", Digests.sha256(config))
                    .put("size", config.length);
            ArrayNode layerArray = manifest.putArray("layers");
            for (Layer layer : layers) {
                layerArray.addObject()
                        .put("mediaType", layer.mediaType(format))
                        .put("digest", layer.digest())
                        .put("size", layer.size());
            }
            return new TestImage(layers, format, os, architecture, variant, config, write(manifest));
        }

        private ObjectNode config() {
            ObjectNode root = JSON.createObjectNode()
                    .put("created", created)
                    .put("architecture", architecture)
                    .put("os", os);
            if (variant != null) {
                root.put("variant", variant);
            }
            ObjectNode run = root.putObject("config");
            if (user != null) {
                run.put("User", user);
            }
            if (!exposedPorts.isEmpty()) {
                ObjectNode ports = run.putObject("ExposedPorts");
                exposedPorts.forEach(port -> ports.putObject(port));
            }
            if (!env.isEmpty()) {
                env.forEach(run.putArray("Env")::add);
            }
            // Docker writes null, not an absent key, for an unset Entrypoint or Cmd; clients must cope with both.
            putListOrNull(run, "Entrypoint", entrypoint);
            putListOrNull(run, "Cmd", cmd);
            if (!volumes.isEmpty()) {
                ObjectNode volumeMap = run.putObject("Volumes");
                volumes.forEach(volume -> volumeMap.putObject(volume));
            }
            if (workingDir != null) {
                run.put("WorkingDir", workingDir);
            }
            if (!labels.isEmpty()) {
                ObjectNode labelMap = run.putObject("Labels");
                labels.forEach(labelMap::put);
            }
            ObjectNode rootfs = root.putObject("rootfs").put("type", "layers");
            ArrayNode diffIds = rootfs.putArray("diff_ids");
            layers.forEach(layer -> diffIds.add(layer.diffId()));
            ArrayNode historyArray = root.putArray("history");
            for (History entry : history) {
                ObjectNode item = historyArray.addObject().put("created", created).put("created_by", entry.createdBy());
                if (entry.emptyLayer()) {
                    item.put("empty_layer", true);
                }
            }
            return root;
        }

        private static void putListOrNull(ObjectNode node, String field, List<String> values) {
            if (values == null) {
                node.putNull(field);
            } else {
                values.forEach(node.putArray(field)::add);
            }
        }
    }
}
