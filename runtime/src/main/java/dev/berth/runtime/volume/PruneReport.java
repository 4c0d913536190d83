package dev.berth.runtime.volume;

import java.util.List;

/** What a prune removed and how many bytes that freed. */
public record PruneReport(List<String> deleted, long spaceReclaimed) {
    public PruneReport {
        deleted = List.copyOf(deleted);
    }
}
