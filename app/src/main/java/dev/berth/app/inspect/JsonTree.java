package dev.berth.app.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON document as a tree of labelled nodes: objects and arrays have children, scalars a value text.
 * {@link #filter} keeps the nodes whose key or value contains the search (and the path to them), so a search for
 * "IPAddress" shows every place it occurs with its parents.
 */
public record JsonTree(String key, String value, Kind kind, List<JsonTree> children) {

    /** What a node holds. */
    public enum Kind { OBJECT, ARRAY, SCALAR }

    public JsonTree {
        children = List.copyOf(children);
    }

    public static JsonTree of(String key, JsonNode node) {
        if (node.isObject()) {
            List<JsonTree> kids = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                kids.add(of(e.getKey(), e.getValue()));
            }
            return new JsonTree(key, "{" + kids.size() + "}", Kind.OBJECT, kids);
        }
        if (node.isArray()) {
            List<JsonTree> kids = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                kids.add(of("[" + i + "]", node.get(i)));
            }
            return new JsonTree(key, "[" + kids.size() + "]", Kind.ARRAY, kids);
        }
        return new JsonTree(key, node.isTextual() ? "\"" + node.asText() + "\"" : node.toString(), Kind.SCALAR,
                List.of());
    }

    /** This tree with only matching nodes and their ancestors; a matching container keeps all its children. */
    public JsonTree filter(String search) {
        if (search == null || search.isBlank()) {
            return this;
        }
        String needle = search.toLowerCase(Locale.ROOT);
        JsonTree kept = keep(needle);
        return kept == null ? new JsonTree(key, value, kind, List.of()) : kept;
    }

    private JsonTree keep(String needle) {
        boolean self = key.toLowerCase(Locale.ROOT).contains(needle)
                || kind == Kind.SCALAR && value.toLowerCase(Locale.ROOT).contains(needle);
        if (self) {
            return this;
        }
        List<JsonTree> kids = new ArrayList<>();
        for (JsonTree c : children) {
            JsonTree k = c.keep(needle);
            if (k != null) {
                kids.add(k);
            }
        }
        return kids.isEmpty() ? null : new JsonTree(key, value, kind, kids);
    }

    /** Nodes in this tree (itself included). */
    public int size() {
        return 1 + children.stream().mapToInt(JsonTree::size).sum();
    }
}
