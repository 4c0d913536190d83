package dev.berth.runtime.network;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.NotFoundException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attachments of this engine's containers, in memory and on disk together: every change is saved before the
 * table shows it. Used by the network service's parts while they hold its lock.
 */
final class AttachmentTable {
    private final NetworkStore store;
    private final Map<String, Attachment> byContainer = new LinkedHashMap<>();

    AttachmentTable(NetworkStore store) {
        this.store = store;
    }

    /** Reads the saved attachments (at start). */
    void load() {
        for (Attachment a : store.loadAttachments()) {
            byContainer.put(a.containerId(), a);
        }
    }

    /** The container's attachment, or null. */
    Attachment get(String containerId) {
        return byContainer.get(containerId);
    }

    /** The container's attachment, or NotFound. */
    Attachment require(String containerId) {
        Attachment a = byContainer.get(containerId);
        if (a == null) {
            throw new NotFoundException("container " + containerId + " has no network attachment");
        }
        return a;
    }

    /** By container ID, name (with or without a slash) or unique ID prefix, as {@code docker network connect} takes it. */
    Attachment find(String ref) {
        Attachment a = byContainer.get(ref);
        if (a != null) {
            return a;
        }
        String name = ref.startsWith("/") ? ref.substring(1) : ref;
        List<Attachment> matches = byContainer.values().stream()
                .filter(x -> name.equals(x.containerName()) || (!ref.isEmpty() && x.containerId().startsWith(ref)))
                .toList();
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        if (matches.isEmpty()) {
            throw new NotFoundException("No such container: " + ref);
        }
        throw new ConflictException("container " + ref + " is ambiguous");
    }

    boolean contains(String containerId) {
        return byContainer.containsKey(containerId);
    }

    /** Saves {@code a}, then shows it. */
    void put(Attachment a) {
        store.save(a);
        byContainer.put(a.containerId(), a);
    }

    /** Deletes the container's record, then forgets it. */
    void delete(String containerId) {
        store.deleteAttachment(containerId);
        byContainer.remove(containerId);
    }

    /** Forgets the container without touching its record (start-up repair deletes records as a separate step). */
    void forget(String containerId) {
        byContainer.remove(containerId);
    }

    /** The record store, for start-up repair's best-effort deletions. */
    NetworkStore store() {
        return store;
    }

    Collection<Attachment> all() {
        return byContainer.values();
    }
}
