package dev.berth.runtime.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Credentials stored by {@code docker login} in {@code ~/.docker/config.json} under {@code "auths"}: each entry
 * has {@code auth} (base64 of {@code user:password}) and/or {@code identitytoken}. Keys may be written as
 * URLs ({@code https://index.docker.io/v1/}) or bare hosts, so they are compared by host.
 * Credential helpers ({@code credsStore}, {@code credHelpers}) are external programs and are not consulted.
 */
public final class DockerConfigCredentials {
    private final Path configJson;

    public DockerConfigCredentials(Path configJson) {
        this.configJson = configJson;
    }

    /** The credentials for a registry domain such as {@code docker.io} or {@code localhost:5000}; anonymous if none. */
    public Credentials lookup(String registryDomain) {
        return lookup(readAuths(), registryDomain, configJson.toString());
    }

    /**
     * The entry for {@code registryDomain} in a map of registry → auth config, the shape of config.json's {@code
     * auths} and of the {@code X-Registry-Config} header {@code docker build} sends; anonymous if none.
     */
    public static Credentials lookup(JsonNode auths, String registryDomain, String where) {
        if (auths == null || !auths.isObject()) {
            return Credentials.anonymous();
        }
        boolean hub = RegistryHosts.isDockerHub(registryDomain);
        String wantedHost = RegistryHosts.hostOf(registryDomain);
        JsonNode exact = auths.get(hub ? RegistryHosts.DOCKER_HUB_CONFIG_KEY : registryDomain);
        if (exact != null) {
            return toCredentials(exact, where + " (" + registryDomain + ")");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            boolean matches = hub ? RegistryHosts.isDockerHub(entry.getKey())
                    : RegistryHosts.hostOf(entry.getKey()).equalsIgnoreCase(wantedHost);
            if (matches) {
                return toCredentials(entry.getValue(), where + " (" + entry.getKey() + ")");
            }
        }
        return Credentials.anonymous();
    }

    private JsonNode readAuths() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(configJson);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new InvalidArgumentException("cannot read " + configJson + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid JSON in " + configJson + ": " + e.getMessage(), e);
        }
        JsonNode auths = root == null ? null : root.get("auths");
        return auths != null && auths.isObject() ? auths : null;
    }

    private static Credentials toCredentials(JsonNode entry, String where) {
        String username = text(entry, "username");
        String password = text(entry, "password");
        String auth = text(entry, "auth");
        if (auth != null && !auth.isEmpty()) {
            String[] pair = Credentials.decodeAuthField(auth, where);
            username = pair[0];
            password = pair[1];
        }
        String identityToken = text(entry, "identitytoken");
        return new Credentials(blankToNull(username), blankToNull(password), blankToNull(identityToken), null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
