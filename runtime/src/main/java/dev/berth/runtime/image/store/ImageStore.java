package dev.berth.runtime.image.store;

import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.digest.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The engine's images and their names, kept in memory and persisted under {@code <dataRoot>/images/}.
 *
 * <p>Reads use an immutable snapshot and never block. Changes are serialized by one lock, write the files
 * (record first, then the index, which is the commit point), and only then publish the new snapshot, so a
 * reader never sees a state that is not on disk. A failed write leaves the snapshot unchanged.
 *
 * <p>References are familiar strings as the caller's reference parser prints them: tags
 * {@code busybox:latest}, {@code localhost:5000/x:1.0}; digests {@code localhost:5000/x@sha256:...}.
 * I/O failures surface as {@link UncheckedIOException}.
 */
public final class ImageStore {
    private static final System.Logger LOG = System.getLogger(ImageStore.class.getName());
    private static final Pattern HEX_PREFIX = Pattern.compile("[a-f0-9]{1,64}");

    private final ImageFiles files;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<String> loadProblems;
    private volatile Catalog catalog;

    /** Loads the store; a corrupt record or index is set aside and reported (log and {@link #loadProblems()}), not fatal. */
    public ImageStore(Path dataRoot) {
        this.files = new ImageFiles(dataRoot);
        try {
            ImageFiles.Loaded loaded = files.load();
            this.catalog = loaded.catalog();
            this.loadProblems = loaded.problems();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load image store under " + dataRoot, e);
        }
    }

    /** What loading had to drop or repair, one sentence each; empty after a clean shutdown. */
    public List<String> loadProblems() {
        return loadProblems;
    }

    /** Every image, in ID order. */
    public List<ImageRecord> list() {
        return catalog.images().values().stream().sorted(Comparator.comparing(ImageRecord::id)).toList();
    }

    public Optional<ImageRecord> byId(Digest id) {
        return Optional.ofNullable(catalog.images().get(id));
    }

    /**
     * The image whose ID starts with {@code prefix} ({@code sha256:abc…} or {@code abc…}, lowercase hex, at least
     * one digit). Like docker, a prefix that matches several images matches none: the caller answers
     * "No such image", and the user types more of the ID.
     */
    public Optional<ImageRecord> byIdPrefix(String prefix) {
        if (prefix == null) {
            return Optional.empty();
        }
        String hex = prefix.startsWith("sha256:") ? prefix.substring("sha256:".length()) : prefix;
        if (!HEX_PREFIX.matcher(hex).matches()) {
            return Optional.empty();
        }
        ImageRecord match = null;
        for (ImageRecord r : catalog.images().values()) {
            if (r.id().algorithm().equals("sha256") && r.id().hex().startsWith(hex)) {
                if (match != null) {
                    return Optional.empty();
                }
                match = r;
            }
        }
        return Optional.ofNullable(match);
    }

    /** The image a familiar tag or digest reference names. */
    public Optional<ImageRecord> byReference(String familiarRef) {
        Catalog c = catalog;
        Digest id = familiarRef == null ? null : c.references().get(familiarRef);
        return id == null ? Optional.empty() : Optional.ofNullable(c.images().get(id));
    }

    /** Images whose parent is {@code id} (docker refuses to delete an image that has some). */
    public List<ImageRecord> children(Digest id) {
        return list().stream().filter(r -> id.equals(r.parent())).toList();
    }

    /**
     * Creates or replaces the image {@code r.id()}. Afterwards exactly {@code r}'s tags and repo digests name it;
     * any of them that named another image move here. Returns the record as stored (references sorted).
     */
    public ImageRecord put(ImageRecord r) {
        r.repoTags().forEach(References::requireTag);
        r.repoDigests().forEach(References::requireDigestRef);
        writeLock.lock();
        try {
            commit(catalog.withImage(r), r);
            return catalog.images().get(r.id());
        } finally {
            writeLock.unlock();
        }
    }

    /** Points the tag at image {@code id}, taking it from whatever image had it; sets the image's last tag time. */
    public void tag(Digest id, String familiarTagRef) {
        References.requireTag(familiarTagRef);
        writeLock.lock();
        try {
            ImageRecord tagged = require(id).withLastTagTime(Instant.now());
            commit(catalog.withRecord(tagged).withReference(familiarTagRef, id), tagged);
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes a tag or repo digest reference and returns the image it named; that image stays, maybe dangling. */
    public Optional<Digest> untag(String familiarRef) {
        writeLock.lock();
        try {
            Digest id = familiarRef == null ? null : catalog.references().get(familiarRef);
            if (id != null) {
                commit(catalog.withoutReference(familiarRef), null);
            }
            return Optional.ofNullable(id);
        } finally {
            writeLock.unlock();
        }
    }

    /** Records that {@code familiarDigestRef} (e.g. {@code localhost:5000/x@sha256:…}) names image {@code id}. */
    public void addRepoDigest(Digest id, String familiarDigestRef) {
        References.requireDigestRef(familiarDigestRef);
        writeLock.lock();
        try {
            require(id);
            commit(catalog.withReference(familiarDigestRef, id), null);
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes the image and every reference to it; nothing happens if it is absent. */
    public void remove(Digest id) {
        writeLock.lock();
        try {
            if (!catalog.images().containsKey(id)) {
                return;
            }
            commit(catalog.withoutImage(id), null);
            try {
                files.deleteRecord(id);
            } catch (IOException e) {
                // The index no longer lists it, so the next start deletes the file; the removal itself stands.
                LOG.log(System.Logger.Level.WARNING, "cannot delete record of removed image " + id, e);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** ChainIDs of every layer of every image: unpacked layers outside this set can be deleted. */
    public Set<Digest> layersInUse() {
        Set<Digest> chainIds = new HashSet<>();
        for (ImageRecord r : catalog.images().values()) {
            r.layers().forEach(l -> chainIds.add(l.chainId()));
        }
        return chainIds;
    }

    /**
     * Blobs the images need: configs (the image IDs), compressed layer blobs, manifests and indexes named by
     * repo digests, and every metadata value that is a digest. Content-store blobs outside this set can be deleted.
     */
    public Set<Digest> blobsInUse() {
        Set<Digest> blobs = new HashSet<>();
        for (ImageRecord r : catalog.images().values()) {
            blobs.add(r.id());
            for (LayerRef l : r.layers()) {
                if (l.blob() != null && l.blob().digest() != null) {
                    blobs.add(l.blob().digest());
                }
            }
            r.repoDigests().forEach(ref -> blobs.add(References.digestOf(ref)));
            r.metadata().values().stream().filter(Digest::isDigest).map(Digest::parse).forEach(blobs::add);
        }
        return blobs;
    }

    /** Writes {@code record} (if any), then the index, then publishes {@code next}. Caller holds the lock. */
    private void commit(Catalog next, ImageRecord record) {
        try {
            if (record != null) {
                files.writeRecord(record);
            }
            files.writeIndex(next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write image store", e);
        }
        catalog = next;
    }

    private ImageRecord require(Digest id) {
        ImageRecord r = catalog.images().get(id);
        if (r == null) {
            throw new NotFoundException("No such image: " + id);
        }
        return r;
    }
}
