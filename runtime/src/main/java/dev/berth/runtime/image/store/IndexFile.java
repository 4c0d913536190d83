package dev.berth.runtime.image.store;

import dev.berth.runtime.digest.Digest;
import java.util.List;
import java.util.SortedMap;

/**
 * The on-disk index ({@code images/repositories.json}): every image ID, and every familiar reference with the
 * image it names. Writing it is the commit point of every change to the store.
 */
record IndexFile(int version, List<Digest> images, SortedMap<String, Digest> references) {
    static final int CURRENT_VERSION = 1;

    static IndexFile of(Catalog c) {
        return new IndexFile(CURRENT_VERSION, c.images().keySet().stream().sorted().toList(), c.references());
    }
}
