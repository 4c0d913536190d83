package dev.berth.runtime.container.create;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.image.oci.ImageConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a create request's Config with the image's defaults the way dockerd does (daemon/create.go
 * merge): environment by key, labels and ports and volumes as unions, and the command rule — a request
 * Entrypoint replaces the image's Entrypoint and drops the image's Cmd.
 */
public final class ConfigMerge {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ConfigMerge() {}

    /** The request's Config with gaps filled from {@code image}; the request wins wherever it says something. */
    public static ObjectNode merge(ObjectNode request, ImageConfig image) {
        ObjectNode out = request.deepCopy();
        ImageConfig.RunConfig img = image.config();
        if (img == null) {
            return out;
        }
        out.set("Env", mergeEnv(img.env(), out.get("Env")));
        // moby: an empty request Entrypoint takes the image's Cmd when the request has none, and the image's
        // Entrypoint only when the request left it out entirely (an explicit [] clears it: --entrypoint "").
        JsonNode entrypoint = out.get("Entrypoint");
        if (empty(entrypoint)) {
            if (empty(out.get("Cmd")) && img.cmd() != null) {
                out.set("Cmd", strings(img.cmd()));
            }
            if ((entrypoint == null || entrypoint.isNull()) && img.entrypoint() != null) {
                out.set("Entrypoint", strings(img.entrypoint()));
            }
        }
        if (text(out, "WorkingDir").isEmpty() && img.workingDir() != null) {
            out.put("WorkingDir", img.workingDir());
        }
        if (text(out, "User").isEmpty() && img.user() != null) {
            out.put("User", img.user());
        }
        if (text(out, "StopSignal").isEmpty() && img.stopSignal() != null) {
            out.put("StopSignal", img.stopSignal());
        }
        union(out, "Labels", img.labels() == null ? Map.of() : img.labels(), true);
        union(out, "ExposedPorts", img.exposedPorts() == null ? Map.of() : img.exposedPorts(), false);
        union(out, "Volumes", img.volumes() == null ? Map.of() : img.volumes(), false);
        if (!present(out.get("Healthcheck")) && img.healthcheck() != null) {
            out.set("Healthcheck", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(img.healthcheck()));
        }
        if (!present(out.get("Shell")) && img.shell() != null) {
            out.set("Shell", strings(img.shell()));
        }
        if (!present(out.get("OnBuild")) && img.onBuild() != null) {
            out.set("OnBuild", strings(img.onBuild()));
        }
        return out;
    }

    /** Image variables first, then the request's; a request variable replaces the image's of the same name. */
    static ArrayNode mergeEnv(List<String> imageEnv, JsonNode requestEnv) {
        Map<String, String> byKey = new LinkedHashMap<>();
        if (imageEnv != null) {
            imageEnv.forEach(e -> byKey.put(key(e), e));
        }
        if (requestEnv != null && requestEnv.isArray()) {
            requestEnv.forEach(e -> byKey.put(key(e.asText()), e.asText()));
        }
        ArrayNode out = F.arrayNode();
        byKey.values().forEach(out::add);
        return out;
    }

    private static String key(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 ? entry : entry.substring(0, eq);
    }

    private static void union(ObjectNode out, String field, Map<String, ?> fromImage, boolean values) {
        ObjectNode target = out.get(field) instanceof ObjectNode o ? o : F.objectNode();
        ObjectNode merged = F.objectNode();
        fromImage.forEach((k, v) -> merged.set(k, values ? F.textNode(String.valueOf(v)) : F.objectNode()));
        target.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        if (!merged.isEmpty()) {
            out.set(field, merged);
        }
    }

    private static boolean empty(JsonNode n) {
        return n == null || n.isNull() || (n.isArray() && n.isEmpty()) || (n.isTextual() && n.asText().isEmpty());
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull();
    }

    private static String text(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
