package dev.berth.runtime.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body's struct fields as dockerd's Go JSON decoding does: a key matches a field whatever its case
 * ({@code detachKeys}, as docker-py sends it, is {@code DetachKeys}). Only the named fields are touched, never the keys
 * of maps such as {@code Labels}.
 */
public final class StructFields {
    private StructFields() {}

    /** {@code body} with every key that equals one of {@code fields} but for case renamed to that field. */
    public static ObjectNode canonical(ObjectNode body, List<String> fields) {
        List<Map.Entry<String, JsonNode>> renamed = new ArrayList<>();
        for (var it = body.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            for (String field : fields) {
                if (!e.getKey().equals(field) && e.getKey().equalsIgnoreCase(field) && !body.has(field)) {
                    renamed.add(Map.entry(field, e.getValue()));
                    it.remove();
                    break;
                }
            }
        }
        renamed.forEach(e -> body.set(e.getKey(), e.getValue()));
        return body;
    }
}
