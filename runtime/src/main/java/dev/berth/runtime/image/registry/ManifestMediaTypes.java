package dev.berth.runtime.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.image.oci.MediaTypes;
import java.io.IOException;

/**
 * Works out what a fetched manifest is. The {@code Content-Type} is authoritative when it is a manifest
 * type; registries that answer {@code application/json} (or nothing) are judged by the {@code mediaType}
 * field and, failing that, by shape, as containerd does for OCI content without a media type.
 */
final class ManifestMediaTypes {
    private ManifestMediaTypes() {}

    static String detect(String contentType, byte[] body) {
        String header = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        if (MediaTypes.isIndex(header) || MediaTypes.isManifest(header) || isSchema1(header)) {
            return header;
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return header;
        }
        if (node == null || !node.isObject()) {
            return header;
        }
        String field = node.path("mediaType").asText("");
        if (!field.isEmpty()) {
            return field;
        }
        if (node.path("schemaVersion").asInt() == 1) {
            return MediaTypes.DOCKER_SCHEMA1;
        }
        if (node.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        if (node.has("config") && node.has("layers")) {
            return MediaTypes.OCI_MANIFEST;
        }
        return header;
    }

    static boolean isSchema1(String mediaType) {
        return MediaTypes.DOCKER_SCHEMA1.equals(mediaType) || MediaTypes.DOCKER_SCHEMA1_SIGNED.equals(mediaType);
    }
}
