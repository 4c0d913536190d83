package dev.berth.runtime.container.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads over a Docker JSON object kept whole. Clients send dozens of Config/HostConfig fields and
 * read them back in inspect; keeping the object as sent (instead of a 70-field record) loses nothing,
 * while the engine reads just the fields it acts on.
 */
public abstract class JsonView {
    protected final ObjectNode json;

    protected JsonView(ObjectNode json) {
        this.json = json == null ? JsonNodeFactory.instance.objectNode() : json.deepCopy();
    }

    /** A copy of the whole object. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    protected String text(String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    protected String text(String field, String dflt) {
        String v = text(field);
        return v == null || v.isEmpty() ? dflt : v;
    }

    protected boolean bool(String field) {
        JsonNode n = json.get(field);
        return n != null && n.asBoolean(false);
    }

    protected long number(String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? 0 : n.asLong();
    }

    protected Long optionalNumber(String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n.asLong();
    }

    /** A string list; Docker's API also accepts a single string where a list is expected (Cmd, Entrypoint). */
    protected List<String> strings(String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }

    protected Map<String, String> stringMap(String field) {
        JsonNode n = json.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return out;
    }

    protected List<String> keys(String field) {
        JsonNode n = json.get(field);
        List<String> out = new ArrayList<>();
        if (n != null && n.isObject()) {
            n.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    protected JsonNode node(String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n;
    }
}
