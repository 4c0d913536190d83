package dev.berth.runtime.image.archive;

import dev.berth.runtime.common.Json;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ImageResolver;
import dev.berth.runtime.image.content.ContentStore;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageIndex;
import dev.berth.runtime.image.oci.ImageManifest;
import dev.berth.runtime.image.oci.MediaTypes;
import dev.berth.runtime.image.push.LayerBlobs;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.LayerRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code docker save}: writes images as the archive dockerd 25+ writes — an OCI image layout
 * ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/…}) that also carries the classic
 * {@code manifest.json}, so every dockerd and every OCI tool can load it. Layers are stored
 * uncompressed, named by their DiffID, as docker does.
 */
public final class ImageSaver {
    private final ContentStore content;
    private final ImageResolver resolver;
    private final LayerBlobs layerBlobs;
    private final EventBus events;
    private final Path tmpDir;

    public ImageSaver(ContentStore content, ImageResolver resolver, LayerBlobs layerBlobs, EventBus events,
            Path tmpDir) {
        this.content = content;
        this.resolver = resolver;
        this.layerBlobs = layerBlobs;
        this.events = events;
        this.tmpDir = tmpDir;
    }

    /** An image to save and the tags it is saved under. */
    public record Selection(ImageRecord image, List<String> tags) {}

    /** Resolves every name first (so a bad name is a clean 404 before any byte is sent). */
    public List<Selection> select(List<String> names) {
        Map<Digest, Selection> selected = new LinkedHashMap<>();
        for (String name : names) {
            ImageRecord image = resolver.resolve(name);
            Selection s = selected.computeIfAbsent(image.id(), id -> new Selection(image, new ArrayList<>()));
            Optional<ImageReference> ref = ImageResolver.parseReference(name)
                    .filter(r -> r.digest() == null && !image.id().hex().startsWith(name));
            ref.map(r -> r.withDefaultTag().familiarString())
                    .filter(tag -> image.repoTags().contains(tag) && !s.tags().contains(tag))
                    .ifPresent(s.tags()::add);
        }
        return List.copyOf(selected.values());
    }

    /** Writes the archive of a {@link #select} result to {@code out}. */
    public void write(List<Selection> selection, OutputStream out) throws IOException {
        Files.createDirectories(tmpDir);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Set<Digest> written = new HashSet<>();
            List<Map<String, Object>> manifestJson = new ArrayList<>();
            List<Descriptor> indexEntries = new ArrayList<>();
            dir(tar, "blobs/");
            dir(tar, "blobs/sha256/");
            for (Selection s : selection) {
                ImageRecord image = s.image();
                byte[] config = content.read(image.id());
                blob(tar, written, image.id(), config);
                List<String> layerPaths = new ArrayList<>();
                List<Descriptor> layerDescriptors = new ArrayList<>();
                for (LayerRef layer : image.layers()) {
                    long size = layerBlob(tar, written, layer);
                    layerPaths.add(path(layer.diffId()));
                    layerDescriptors.add(Descriptor.of(MediaTypes.OCI_LAYER, layer.diffId(), size));
                }
                ImageManifest manifest = new ImageManifest(2, MediaTypes.OCI_MANIFEST,
                        Descriptor.of(MediaTypes.OCI_CONFIG, image.id(), config.length), layerDescriptors, null, null,
                        null);
                byte[] manifestBytes = Json.MAPPER.writeValueAsBytes(manifest);
                Digest manifestDigest = Digest.sha256(manifestBytes);
                blob(tar, written, manifestDigest, manifestBytes);
                for (String tag : s.tags().isEmpty() ? java.util.Collections.<String>singletonList(null) : s.tags()) {
                    Map<String, String> annotations = tag == null ? null : Map.of(
                            "io.containerd.image.name", ImageReference.parse(tag).toString(),
                            "org.opencontainers.image.ref.name", ImageReference.parse(tag).tag());
                    indexEntries.add(new Descriptor(MediaTypes.OCI_MANIFEST, manifestDigest, manifestBytes.length, null,
                            annotations, null, null));
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("Config", path(image.id()));
                entry.put("RepoTags", s.tags().isEmpty() ? null : s.tags());
                entry.put("Layers", layerPaths);
                manifestJson.add(entry);
                events.publish("image", "save", image.id().toString(), Map.of("name", image.id().toString()));
            }
            file(tar, "index.json",
                    Json.MAPPER.writeValueAsBytes(new ImageIndex(2, MediaTypes.OCI_INDEX, indexEntries, null)));
            file(tar, "manifest.json", Json.MAPPER.writeValueAsBytes(manifestJson));
            file(tar, "oci-layout",
                    "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            tar.finish();
        }
    }

    /** Writes one layer as its uncompressed tar; spooled first because a tar entry needs its size up front. */
    private long layerBlob(TarArchiveOutputStream tar, Set<Digest> written, LayerRef layer) throws IOException {
        Path spool = Files.createTempFile(tmpDir, "save-", ".tar");
        try {
            try (InputStream in = layerBlobs.openUncompressed(layer)) {
                Files.copy(in, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            long size = Files.size(spool);
            if (written.add(layer.diffId())) {
                TarArchiveEntry e = entry(path(layer.diffId()), size);
                tar.putArchiveEntry(e);
                Files.copy(spool, tar);
                tar.closeArchiveEntry();
            }
            return size;
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static void blob(TarArchiveOutputStream tar, Set<Digest> written, Digest digest, byte[] data)
            throws IOException {
        if (written.add(digest)) {
            file(tar, path(digest), data);
        }
    }

    private static String path(Digest digest) {
        return "blobs/" + digest.algorithm() + "/" + digest.hex();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        tar.putArchiveEntry(entry(name, data.length));
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void dir(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(040755);
        e.setModTime(0);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        e.setMode(0100644);
        e.setModTime(0);
        return e;
    }
}
