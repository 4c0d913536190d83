package dev.berth.runtime.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code filters} query parameter: JSON mapping a key to values, in the Go client's form
 * {@code {"label":{"k=v":true}}} or docker-java's {@code {"label":["k=v"]}} (moby {@code api/types/filters}).
 */
public final class Filters {
    private static final Filters EMPTY = new Filters(Map.of());

    private final Map<String, Set<String>> values;

    private Filters(Map<String, Set<String>> values) {
        this.values = values;
    }

    /** No filters at all. */
    public static Filters empty() {
        return EMPTY;
    }

    /** Parses the query value; null or blank means no filters, malformed JSON is an InvalidArgumentException. */
    public static Filters parse(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidArgumentException("invalid filters: " + e.getOriginalMessage());
        }
        if (root == null || root.isNull()) {
            return EMPTY;
        }
        if (!root.isObject()) {
            throw new InvalidArgumentException("invalid filters: expected a JSON object, got " + json);
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            out.put(field.getKey(), valuesOf(field.getKey(), field.getValue()));
        }
        return new Filters(out);
    }

    private static Set<String> valuesOf(String key, JsonNode node) {
        Set<String> set = new LinkedHashSet<>();
        if (node.isObject()) {
            // Go's map[string]bool form: only the keys mapped to true count.
            node.properties().forEach(e -> {
                if (e.getValue().asBoolean(false)) {
                    set.add(e.getKey());
                }
            });
        } else if (node.isArray()) {
            for (JsonNode v : node) {
                if (!v.isValueNode()) {
                    throw new InvalidArgumentException("invalid filters: values of '" + key + "' must be strings");
                }
                set.add(v.asText());
            }
        } else if (node.isValueNode() && !node.isNull()) {
            set.add(node.asText());
        } else {
            throw new InvalidArgumentException("invalid filters: bad value for '" + key + "'");
        }
        return Set.copyOf(set);
    }

    /** The values given for {@code key}; empty if the key is absent. */
    public Set<String> get(String key) {
        return values.getOrDefault(key, Set.of());
    }

    /** True if the key was given (with at least one value). */
    public boolean has(String key) {
        return !get(key).isEmpty();
    }

    /** The keys given. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** Rejects keys outside {@code allowedKeys} with moby's "invalid filter 'x'". */
    public void validate(Set<String> allowedKeys) {
        for (String key : new TreeSet<>(values.keySet())) {
            if (!allowedKeys.contains(key)) {
                throw new InvalidArgumentException("invalid filter '" + key + "'");
            }
        }
    }

    /** True if {@code key} is absent or one of its values equals one of {@code candidates} (filters on one key are ORed). */
    public boolean matchesAny(String key, Collection<String> candidates) {
        Set<String> wanted = get(key);
        if (wanted.isEmpty()) {
            return true;
        }
        for (String c : candidates) {
            if (c != null && wanted.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code label} filter against {@code labels}: "k" needs the key, "k=v" the value; all must hold. */
    public boolean matchLabels(Map<String, String> labels) {
        return matchKeyValues("label", labels);
    }

    /** The same AND semantics as {@link #matchLabels} for any key whose values are "k" or "k=v". */
    public boolean matchKeyValues(String key, Map<String, String> map) {
        Map<String, String> actual = map == null ? Map.of() : map;
        for (String want : get(key)) {
            int eq = want.indexOf('=');
            if (eq < 0) {
                if (!actual.containsKey(want)) {
                    return false;
                }
            } else if (!want.substring(eq + 1).equals(actual.get(want.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
