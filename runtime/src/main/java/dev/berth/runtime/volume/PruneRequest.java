package dev.berth.runtime.volume;

import java.util.Set;

/**
 * Which unused volumes {@code volume prune} removes: those with every {@code labels} selector, not with every
 * {@code notLabels} selector ("k" or "k=v"), and only anonymous ones unless {@code all}.
 */
public record PruneRequest(Set<String> labels, Set<String> notLabels, boolean all) {
    public PruneRequest {
        labels = Set.copyOf(labels);
        notLabels = Set.copyOf(notLabels);
    }

    /** True if {@code volume} is selected (usage and driver options are the store's concern). */
    public boolean selects(Volume volume) {
        if (!all && !volume.anonymous()) {
            return false;
        }
        if (!VolumeQuery.Labels.matchAll(labels, volume.labels())) {
            return false;
        }
        // moby: "label!" excludes a volume only if all of its selectors match it.
        return notLabels.isEmpty() || !VolumeQuery.Labels.matchAll(notLabels, volume.labels());
    }
}
