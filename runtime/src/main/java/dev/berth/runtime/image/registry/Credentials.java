package dev.berth.runtime.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What to authenticate to a registry with: username and password, or an identity token (an OAuth refresh
 * token from an earlier login), or a registry token used as the Bearer token as is. All may be null.
 */
public record Credentials(String username, String password, String identityToken, String registryToken) {
    private static final Credentials ANONYMOUS = new Credentials(null, null, null, null);

    /** No credentials at all. */
    public static Credentials anonymous() {
        return ANONYMOUS;
    }

    /** Username and password. */
    public static Credentials basic(String username, String password) {
        return new Credentials(username, password, null, null);
    }

    /** True if there is nothing to authenticate with. */
    public boolean isAnonymous() {
        return isEmpty(username) && isEmpty(password) && isEmpty(identityToken) && isEmpty(registryToken);
    }

    /** True if a username (and so Basic credentials) is present. */
    public boolean hasBasic() {
        return !isEmpty(username);
    }

    /** The {@code Authorization: Basic} value for username and password. */
    String basicHeader() {
        String pair = (username == null ? "" : username) + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** A key that tells credentials apart in the token cache without keeping secrets in it readable. */
    String cacheKey() {
        if (isAnonymous()) {
            return "";
        }
        String secret = username + "\0" + password + "\0" + identityToken + "\0" + registryToken;
        return dev.berth.runtime.digest.Digest.sha256(secret.getBytes(StandardCharsets.UTF_8)).hex();
    }

    /**
     * Decodes docker's {@code X-Registry-Auth} header: base64url of a JSON AuthConfig with
     * {@code username, password, auth, serveraddress, identitytoken, registrytoken}. The docker CLI sends
     * base64url; other clients send standard base64, with or without padding, so both are accepted.
     * A missing or empty header, or {@code {}}, means anonymous.
     */
    public static Credentials fromRegistryAuthHeader(String header) {
        if (header == null || header.isBlank()) {
            return anonymous();
        }
        String compact = header.strip().replace('+', '-').replace('/', '_');
        JsonNode node;
        try {
            byte[] json = Base64.getUrlDecoder().decode(compact);
            node = Json.MAPPER.readTree(json);
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidArgumentException("invalid X-Registry-Auth header: " + e.getMessage(), e);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return anonymous();
        }
        if (!node.isObject()) {
            throw new InvalidArgumentException("invalid X-Registry-Auth header: expected a JSON object");
        }
        String username = text(node, "username");
        String password = text(node, "password");
        String auth = text(node, "auth");
        if (isEmpty(username) && !isEmpty(auth)) {
            String[] pair = decodeAuthField(auth, "X-Registry-Auth");
            username = pair[0];
            password = pair[1];
        }
        return new Credentials(emptyToNull(username), emptyToNull(password),
                emptyToNull(text(node, "identitytoken")), emptyToNull(text(node, "registrytoken")));
    }

    /** Decodes an {@code auth} field, base64 of {@code user:password}, as docker's config.json stores it. */
    static String[] decodeAuthField(String auth, String where) {
        String decoded;
        try {
            decoded = new String(Base64.getMimeDecoder().decode(auth), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("invalid auth field in " + where + ": " + e.getMessage(), e);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new InvalidArgumentException("invalid auth field in " + where + ": expected base64 of user:password");
        }
        return new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static String emptyToNull(String s) {
        return isEmpty(s) ? null : s;
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return isAnonymous() ? "Credentials[anonymous]" : "Credentials[username=" + username + "]";
    }
}
