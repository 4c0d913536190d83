package dev.berth.runtime.image.store;

import dev.berth.runtime.digest.Digest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of the image store: records by ID and the reference index. Each record's
 * {@code repoTags}/{@code repoDigests} are derived from the index (sorted, as moby's reference store returns
 * them), so the two can never disagree. Changes return a new catalog; readers keep the one they hold.
 */
record Catalog(Map<Digest, ImageRecord> images, SortedMap<String, Digest> references) {
    static final Catalog EMPTY = new Catalog(Map.of(), Collections.emptySortedMap());

    Catalog {
        images = Collections.unmodifiableMap(images);
        references = Collections.unmodifiableSortedMap(references);
    }

    /** A catalog of {@code records} named by {@code references}; references to unknown images must be gone already. */
    static Catalog of(Collection<ImageRecord> records, Map<String, Digest> references) {
        Map<Digest, ImageRecord> images = new HashMap<>();
        records.forEach(r -> images.put(r.id(), r));
        return derive(images, new TreeMap<>(references), images.keySet());
    }

    /** Adds or replaces {@code r}; afterwards exactly r's tags and digests name it, taken from whichever image had them. */
    Catalog withImage(ImageRecord r) {
        Map<Digest, ImageRecord> images = new HashMap<>(this.images);
        TreeMap<String, Digest> refs = new TreeMap<>(this.references);
        Set<Digest> affected = new HashSet<>();
        affected.add(r.id());
        refs.values().removeIf(r.id()::equals);
        for (String ref : concat(r.repoTags(), r.repoDigests())) {
            Digest previous = refs.put(ref, r.id());
            if (previous != null) {
                affected.add(previous);
            }
        }
        images.put(r.id(), r);
        return derive(images, refs, affected);
    }

    /** Replaces a known image's record, keeping the references as they are. */
    Catalog withRecord(ImageRecord r) {
        Map<Digest, ImageRecord> images = new HashMap<>(this.images);
        images.put(r.id(), r);
        return derive(images, new TreeMap<>(references), Set.of(r.id()));
    }

    /** Points {@code ref} at image {@code id}, taking it from the image that had it. */
    Catalog withReference(String ref, Digest id) {
        TreeMap<String, Digest> refs = new TreeMap<>(references);
        Digest previous = refs.put(ref, id);
        Set<Digest> affected = new HashSet<>();
        affected.add(id);
        if (previous != null) {
            affected.add(previous);
        }
        return derive(new HashMap<>(images), refs, affected);
    }

    /** Drops {@code ref}; the image it named stays, dangling if that was its last tag. */
    Catalog withoutReference(String ref) {
        TreeMap<String, Digest> refs = new TreeMap<>(references);
        Digest previous = refs.remove(ref);
        return previous == null ? this : derive(new HashMap<>(images), refs, Set.of(previous));
    }

    /** Drops the image and every reference to it. */
    Catalog withoutImage(Digest id) {
        Map<Digest, ImageRecord> images = new HashMap<>(this.images);
        images.remove(id);
        TreeMap<String, Digest> refs = new TreeMap<>(references);
        refs.values().removeIf(id::equals);
        return new Catalog(images, refs);
    }

    /** Refreshes the derived reference lists of the {@code affected} images (those still present). */
    private static Catalog derive(Map<Digest, ImageRecord> images, TreeMap<String, Digest> refs, Set<Digest> affected) {
        Map<Digest, List<String>> tags = new HashMap<>();
        Map<Digest, List<String>> digests = new HashMap<>();
        for (Map.Entry<String, Digest> e : refs.entrySet()) {
            if (affected.contains(e.getValue())) {
                (References.isDigestRef(e.getKey()) ? digests : tags)
                        .computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
            }
        }
        for (Digest id : affected) {
            ImageRecord r = images.get(id);
            if (r != null) {
                images.put(id, r.withRepoTags(tags.getOrDefault(id, List.of()))
                        .withRepoDigests(digests.getOrDefault(id, List.of())));
            }
        }
        return new Catalog(images, refs);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
