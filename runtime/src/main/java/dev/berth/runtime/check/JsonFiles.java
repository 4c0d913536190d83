package dev.berth.runtime.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a record as a JSON tree, the way the check sees every store: by its files, whatever the classes say. */
final class JsonFiles {
    private JsonFiles() {}

    /** The file's JSON, or null when it cannot be read or parsed. */
    static JsonNode read(Path file) {
        try {
            JsonNode n = Json.MAPPER.readTree(file.toFile());
            return n == null || n.isMissingNode() ? null : n;
        } catch (IOException e) {
            return null;
        }
    }
}
