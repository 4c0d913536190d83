package dev.berth.runtime.container.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The parameters of {@code POST /commit}; {@code config} (the JSON body) may be null, {@code repo} empty for no tag. */
public record CommitRequest(String container, String repo, String tag, String comment, String author, boolean pause,
        List<String> changes, ObjectNode config) {
    public CommitRequest {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
