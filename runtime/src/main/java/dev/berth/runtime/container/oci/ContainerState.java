package dev.berth.runtime.container.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The JSON of {@code runtime state ID} (runtime-spec runtime.md). {@code pid} is 0 once stopped. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerState(
        @JsonProperty("ociVersion") String ociVersion,
        @JsonProperty("id") String id,
        @JsonProperty("pid") long pid,
        @JsonProperty("status") String status,
        @JsonProperty("bundle") String bundle,
        @JsonProperty("annotations") Map<String, String> annotations) {

    /** The status as an enum. */
    public ContainerStatus statusValue() {
        return ContainerStatus.parse(status);
    }
}
