package dev.berth.runtime.image.manage;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ImageResolver;
import dev.berth.runtime.image.gc.StorageGc;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.ImageStore;
import dev.berth.runtime.image.store.LayerRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker rmi}: removing a tag only untags while other references remain; removing the last
 * reference, or the image by ID, deletes the image and the layers nobody else shares. Follows moby's
 * {@code image_delete.go} rules for when force is needed.
 */
public final class ImageRemover {
    private final ImageStore store;
    private final ImageResolver resolver;
    private final ImageUsage usage;
    private final StorageGc gc;
    private final EventBus events;

    public ImageRemover(ImageStore store, ImageResolver resolver, ImageUsage usage, StorageGc gc, EventBus events) {
        this.store = store;
        this.resolver = resolver;
        this.usage = usage;
        this.gc = gc;
        this.events = events;
    }

    /** Removes {@code nameOrId}; returns the Untagged/Deleted lines in docker's order. */
    public synchronized List<DeleteResult> remove(String nameOrId, boolean force, boolean noPrune) {
        ImageRecord image = resolver.resolve(nameOrId);
        List<DeleteResult> results = new ArrayList<>();
        Optional<String> named = namedReference(nameOrId, image);
        if (named.isPresent()) {
            // A name only untags while other references remain, forced or not (moby's ImageDelete): force decides
            // only whether the last name may take an image that stopped containers still use.
            untag(image, named.get(), results);
            ImageRecord after = store.byId(image.id()).orElseThrow();
            String repo = repositoryOf(named.get());
            if (hasOtherReferences(after, repo)) {
                return results;
            }
            // The last tag of this repository is gone: its digest references go with it, like dockerd.
            for (String digestRef : List.copyOf(after.repoDigests())) {
                if (repositoryOf(digestRef).equals(repo)) {
                    untag(after, digestRef, results);
                }
            }
            if (!store.children(image.id()).isEmpty()) {
                return results; // the base of built images: untagged, kept for them (hidden from docker images)
            }
            checkNotInUse(image, force);
            delete(image, results, noPrune);
            return results;
        }
        checkNotInUse(image, force);
        if (!force && distinctRepositories(image).size() > 1) {
            throw new ConflictException("conflict: unable to delete " + image.id().shortHex()
                    + " (must be forced) - image is referenced in multiple repositories");
        }
        for (String ref : allReferences(image)) {
            untag(image, ref, results);
        }
        delete(image, results, noPrune);
        return results;
    }

    private Optional<String> namedReference(String input, ImageRecord image) {
        if (input.startsWith("sha256:") || image.id().hex().startsWith(input)) {
            return Optional.empty();
        }
        return ImageResolver.parseReference(input).map(r -> r.withDefaultTag().familiarString())
                .filter(ref -> image.repoTags().contains(ref) || image.repoDigests().contains(ref));
    }

    private void untag(ImageRecord image, String ref, List<DeleteResult> results) {
        store.untag(ref);
        results.add(DeleteResult.untagged(ref));
        events.publish("image", "untag", image.id().toString(), Map.of("name", ref));
    }

    private static boolean hasOtherReferences(ImageRecord image, String repository) {
        return !image.repoTags().isEmpty()
                || image.repoDigests().stream().anyMatch(d -> !repositoryOf(d).equals(repository));
    }

    private void checkNotInUse(ImageRecord image, boolean force) {
        for (ImageUsage.User user : usage.usersOf(image.id())) {
            if (user.running()) {
                throw new ConflictException("conflict: unable to delete " + image.id().shortHex()
                        + " (cannot be forced) - image is being used by running container "
                        + user.containerId().substring(0, 12));
            }
            if (!force) {
                throw new ConflictException("conflict: unable to delete " + image.id().shortHex()
                        + " (must be forced) - image is being used by stopped container "
                        + user.containerId().substring(0, 12));
            }
        }
    }

    private void delete(ImageRecord image, List<DeleteResult> results, boolean noPrune) {
        if (!store.children(image.id()).isEmpty()) {
            throw new ConflictException("conflict: unable to delete " + image.id().shortHex()
                    + " (cannot be forced) - image has dependent child images");
        }
        Set<Digest> othersLayers = new HashSet<>();
        for (ImageRecord other : store.list()) {
            if (!other.id().equals(image.id())) {
                other.layers().forEach(l -> othersLayers.add(l.chainId()));
            }
        }
        store.remove(image.id());
        results.add(DeleteResult.deleted(image.id().toString()));
        events.publish("image", "delete", image.id().toString(), Map.of("name", image.id().toString()));
        if (!noPrune) {
            List<LayerRef> layers = new ArrayList<>(image.layers());
            java.util.Collections.reverse(layers);
            for (LayerRef layer : layers) {
                if (!othersLayers.contains(layer.chainId())) {
                    results.add(DeleteResult.deleted(layer.chainId().toString()));
                }
            }
            deleteUnusedParent(image, results);
            gc.collect();
        }
    }

    /**
     * A build leaves a chain of untagged images (one per step); removing the last one removes the ones above it
     * that nothing else needs — no tag, no other child, no container — as dockerd's prune of parents does.
     */
    private void deleteUnusedParent(ImageRecord image, List<DeleteResult> results) {
        Digest parentId = image.parent();
        ImageRecord parent = parentId == null ? null : store.byId(parentId).orElse(null);
        if (parent == null || !parent.repoTags().isEmpty() || !parent.repoDigests().isEmpty()
                || !store.children(parent.id()).isEmpty() || !usage.usersOf(parent.id()).isEmpty()) {
            return;
        }
        delete(parent, results, false);
    }

    private static Set<String> allReferences(ImageRecord image) {
        Set<String> refs = new LinkedHashSet<>(image.repoTags());
        refs.addAll(image.repoDigests());
        return refs;
    }

    private static Set<String> distinctRepositories(ImageRecord image) {
        Set<String> repos = new HashSet<>();
        allReferences(image).forEach(r -> repos.add(repositoryOf(r)));
        return repos;
    }

    /** The repository part of a familiar reference ("busybox:1" → "busybox"). */
    static String repositoryOf(String familiarRef) {
        return ImageReference.parse(familiarRef).familiarRepository();
    }
}
