package dev.berth.runtime.storage;

import dev.berth.runtime.common.TreeDeleter;

import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.digest.DigestMismatchException;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.linux.FileSyscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Unpacked image layers keyed by ChainID, under {@code <dataRoot>/layers/<chain hex>/{diff/,layer.json}}; the
 * {@code diff/} directories hold whiteouts in overlayfs form and serve directly as overlay lowerdirs.
 *
 * <p>A layer is extracted into a hidden temp directory beside the others and renamed into place only once
 * complete, verified and synced, so a crash never leaves half a layer visible; leftovers are removed when the
 * store opens. Removal renames the layer away first for the same reason.
 */
public final class LayerStore {
    private static final String HIDDEN_PREFIX = ".";
    private static final String TEMP_PREFIX = ".tmp-";
    private static final String REMOVING_PREFIX = ".rm-";
    private static final String METADATA = "layer.json";
    private static final String DIFF = "diff";

    private final Path layersDir;
    private final FileSyscalls sys;

    /** Opens (creating if needed) the store under {@code dataRoot} and discards interrupted unpacks and removals. */
    public LayerStore(Path dataRoot, FileSyscalls sys) {
        this.layersDir = dataRoot.toAbsolutePath().resolve("layers");
        this.sys = sys;
        try {
            Files.createDirectories(layersDir);
            try (Stream<Path> children = Files.list(layersDir)) {
                for (Path child : children.toList()) {
                    if (child.getFileName().toString().startsWith(HIDDEN_PREFIX)) {
                        TreeDeleter.delete(child);
                    }
                }
            }
        } catch (IOException e) {
            throw new EngineException("cannot open layer store " + layersDir + ": " + e.getMessage(), e);
        }
    }

    /** ChainID per image-spec config.md: the DiffID for a base layer, else sha256(parent + " " + diffId). */
    public static Digest chainId(Digest parentChainId, Digest diffId) {
        if (parentChainId == null) {
            return diffId;
        }
        return Digest.sha256((parentChainId + " " + diffId).getBytes(StandardCharsets.UTF_8));
    }

    public boolean exists(Digest chainId) {
        return Files.isRegularFile(dir(chainId).resolve(METADATA));
    }

    public Optional<Layer> get(Digest chainId) {
        Path dir = dir(chainId);
        try {
            LayerMetadata m = Json.MAPPER.readValue(dir.resolve(METADATA).toFile(), LayerMetadata.class);
            return Optional.of(new Layer(m.chainId(), m.diffId(), m.parent(), m.size(), dir.resolve(DIFF)));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EngineException("cannot read layer " + chainId + ": " + e.getMessage(), e);
        }
    }

    /** Every layer, ordered by ChainID. */
    public List<Layer> list() {
        List<Layer> layers = new ArrayList<>();
        try (Stream<Path> children = Files.list(layersDir)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (!name.startsWith(HIDDEN_PREFIX) && Digest.isDigest("sha256:" + name)) {
                    get(new Digest("sha256", name)).ifPresent(layers::add);
                }
            }
        } catch (IOException e) {
            throw new EngineException("cannot list layers: " + e.getMessage(), e);
        }
        layers.sort((a, b) -> a.chainId().compareTo(b.chainId()));
        return layers;
    }

    /**
     * Unpacks a layer blob (gzip, zstd or plain tar, told by magic bytes) on top of {@code parentChainId}.
     * The DiffID is the sha256 of the uncompressed tar and must equal {@code expectedDiffId} when given.
     * If the layer already exists it is returned as is. {@code progress} receives the running total of
     * (compressed) blob bytes read. {@code blob} is read but not closed.
     *
     * @throws InvalidLayerException if an entry would land outside the layer, or the tar is malformed
     * @throws DigestMismatchException if the DiffID is not the expected one
     * @throws NotFoundException if the parent layer does not exist
     */
    public Layer unpack(Digest parentChainId, Digest expectedDiffId, InputStream blob, LongConsumer progress) {
        if (parentChainId != null && !exists(parentChainId)) {
            throw new NotFoundException("parent layer " + parentChainId + " not found");
        }
        if (expectedDiffId != null) {
            Optional<Layer> existing = get(chainId(parentChainId, expectedDiffId));
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory(layersDir, TEMP_PREFIX);
        } catch (IOException e) {
            throw new EngineException("cannot create a temp dir in " + layersDir + ": " + e.getMessage(), e);
        }
        try {
            return unpackInto(tmp, parentChainId, expectedDiffId, blob, progress == null ? n -> {} : progress);
        } catch (IOException e) {
            deleteQuietly(tmp, e);
            throw new EngineException("unpacking layer failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp, e);
            throw e;
        }
    }

    private Layer unpackInto(Path tmp, Digest parent, Digest expectedDiffId, InputStream blob, LongConsumer progress)
            throws IOException {
        Path diff = Files.createDirectory(tmp.resolve(DIFF));
        MessageDigest hasher = expectedDiffId != null ? expectedDiffId.newHasher() : Digest.newSha256();
        try (InputStream tar = dev.berth.runtime.common.Compression.decompress(new ProgressInputStream(blob, progress));
                DigestInputStream hashed = new DigestInputStream(tar, hasher)) {
            new LayerExtractor(diff, sys).extract(hashed);
            // The DiffID covers the whole tar, including the end-of-archive blocks and padding after it.
            hashed.transferTo(OutputStream.nullOutputStream());
        }
        Digest diffId = Digest.fromHash(expectedDiffId != null ? expectedDiffId.algorithm() : "sha256",
                hasher.digest());
        if (expectedDiffId != null && !expectedDiffId.equals(diffId)) {
            throw new DigestMismatchException("layer DiffID mismatch: expected " + expectedDiffId + ", got " + diffId);
        }
        return install(tmp, new Layer(chainId(parent, diffId), diffId, parent, sizeOf(diff), null));
    }

    /** Makes the complete layer in {@code tmp} (its {@code diff/} filled) visible under its ChainID, durably. */
    private Layer install(Path tmp, Layer unplaced) throws IOException {
        Digest chainId = unplaced.chainId();
        Layer layer = new Layer(chainId, unplaced.diffId(), unplaced.parent(), unplaced.size(),
                dir(chainId).resolve(DIFF));
        AtomicFiles.writeJson(tmp.resolve(METADATA),
                new LayerMetadata(chainId, layer.diffId(), layer.parent(), layer.size()));
        // Make the content durable before the rename makes it visible.
        sys.syncfs(tmp);
        try {
            // Without REPLACE_EXISTING, rename(2) fails on an existing non-empty layer dir: a concurrent unpack won.
            Files.move(tmp, dir(chainId), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!exists(chainId)) {
                throw e;
            }
            // ENOTEMPTY (reported as a plain FileSystemException): the same layer is already there, e.g. a
            // concurrent pull of it won the race. Keep that one.
            TreeDeleter.delete(tmp);
            return get(chainId)
                    .orElseThrow(() -> new EngineException("layer " + chainId + " vanished while unpacking"));
        }
        AtomicFiles.syncDirectory(layersDir); // the layer's new name, durable as its content already is
        return layer;
    }

    /**
     * Makes a layer of a directory in layer-diff form by moving it into the store, instead of writing its files
     * again: its tar is only streamed through SHA-256 for the DiffID. For directories nothing else uses any more —
     * a finished build step's upper dir. Null if the directory is empty. Falls back to {@link #commitDir} when the
     * directory is on another file system.
     */
    public Layer adoptDir(Digest parentChainId, Path dir) {
        try {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isEmpty()) {
                    return null;
                }
            }
            if (parentChainId != null && !exists(parentChainId)) {
                throw new NotFoundException("parent layer " + parentChainId + " not found");
            }
            MessageDigest hasher = Digest.newSha256();
            try (OutputStream out = new java.security.DigestOutputStream(OutputStream.nullOutputStream(), hasher)) {
                new LayerExporter(sys, true).export(dir, out);
            }
            Digest diffId = Digest.fromHash("sha256", hasher.digest());
            Digest chainId = chainId(parentChainId, diffId);
            Optional<Layer> existing = get(chainId);
            if (existing.isPresent()) {
                return existing.get();
            }
            Path tmp = Files.createTempDirectory(layersDir, TEMP_PREFIX);
            Path diff = tmp.resolve(DIFF);
            try {
                Files.move(dir, diff, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                TreeDeleter.delete(tmp);
                return commitDir(parentChainId, dir);
            }
            try {
                return install(tmp, new Layer(chainId, diffId, parentChainId, sizeOf(diff), null));
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tmp, e);
                throw e;
            }
        } catch (IOException e) {
            throw new EngineException("cannot make a layer of " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes a layer.
     *
     * @throws NotFoundException if it does not exist
     * @throws ConflictException if another layer is built on it
     */
    public void remove(Digest chainId) {
        if (!exists(chainId)) {
            throw new NotFoundException("layer " + chainId + " not found");
        }
        for (Layer layer : list()) {
            if (chainId.equals(layer.parent())) {
                throw new ConflictException("layer " + chainId + " is the parent of layer " + layer.chainId());
            }
        }
        try {
            Path doomed = layersDir.resolve(REMOVING_PREFIX + chainId.hex() + "-" + System.nanoTime());
            // Renamed first so that no half-deleted layer is ever visible under its name.
            Files.move(dir(chainId), doomed, StandardCopyOption.ATOMIC_MOVE);
            Path shortLink = layersDir.resolve("l").resolve(OverlayMounts.shortId(chainId));
            if (Files.isSymbolicLink(shortLink)
                    && Files.readSymbolicLink(shortLink).startsWith("../" + chainId.hex())) {
                Files.delete(shortLink);
            }
            TreeDeleter.delete(doomed);
        } catch (IOException e) {
            throw new EngineException("cannot remove layer " + chainId + ": " + e.getMessage(), e);
        }
    }

    /** Writes the layer's diff as a tar: the same diff always gives the same bytes, hence the same DiffID. */
    public void exportTar(Digest chainId, OutputStream out) {
        Layer layer = get(chainId).orElseThrow(() -> new NotFoundException("layer " + chainId + " not found"));
        try {
            new LayerExporter(sys).export(layer.diffDir(), out);
        } catch (IOException e) {
            throw new EngineException("cannot export layer " + chainId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes any directory in layer-diff form as a tar, like {@link #exportTar}: a container's overlay upper dir
     * (whiteouts become {@code .wh.} entries again, for commit) or a merged root (for export). {@code out} stays open.
     */
    public void exportDirTar(Path dir, OutputStream out) {
        try {
            new LayerExporter(sys).export(dir, out);
        } catch (IOException e) {
            throw new EngineException("cannot archive " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes a layer of a directory in layer-diff form (an overlay upper dir: whiteouts as 0/0 devices, opaque
     * directories by xattr) on top of {@code parentChainId}; null if the directory is empty, since an empty
     * change adds no layer, as in dockerd. The tar is streamed from the directory into the unpack, never stored.
     */
    public Layer commitDir(Digest parentChainId, Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                return null;
            }
        } catch (IOException e) {
            throw new EngineException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        java.io.PipedInputStream in = new java.io.PipedInputStream(256 * 1024);
        java.util.concurrent.CompletableFuture<Void> written = new java.util.concurrent.CompletableFuture<>();
        try {
            java.io.PipedOutputStream out = new java.io.PipedOutputStream(in);
            Thread.ofVirtual().name("layer-export").start(() -> {
                try (out) {
                    new LayerExporter(sys).export(dir, out);
                    written.complete(null);
                } catch (IOException | RuntimeException e) {
                    written.completeExceptionally(e);
                }
            });
            Layer layer;
            try (in) {
                layer = unpack(parentChainId, null, in, null);
            }
            written.join();
            return layer;
        } catch (IOException e) {
            throw new EngineException("cannot make a layer of " + dir + ": " + e.getMessage(), e);
        } catch (java.util.concurrent.CompletionException e) {
            throw new EngineException("cannot make a layer of " + dir + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Bytes used by all layers' diffs. */
    public long diskUsage() {
        return list().stream().mapToLong(Layer::size).sum();
    }

    private Path dir(Digest chainId) {
        return layersDir.resolve(chainId.hex());
    }

    /** Apparent size of regular files and symlinks, each inode counted once (hard links share one). */
    static long sizeOf(Path root) throws IOException {
        Set<Object> seen = new HashSet<>();
        long[] total = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if ((attrs.isRegularFile() || attrs.isSymbolicLink())
                        && (attrs.fileKey() == null || seen.add(attrs.fileKey()))) {
                    total[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    private static void deleteQuietly(Path dir, Throwable cause) {
        try {
            TreeDeleter.delete(dir);
        } catch (IOException | UncheckedIOException e) {
            cause.addSuppressed(e);
        }
    }
}
