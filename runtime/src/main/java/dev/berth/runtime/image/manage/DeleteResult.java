package dev.berth.runtime.image.manage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One line of {@code docker rmi}'s answer: a reference untagged or an image/layer deleted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeleteResult(@JsonProperty("Untagged") String untagged, @JsonProperty("Deleted") String deleted) {
    static DeleteResult untagged(String ref) {
        return new DeleteResult(ref, null);
    }

    static DeleteResult deleted(String id) {
        return new DeleteResult(null, id);
    }
}
