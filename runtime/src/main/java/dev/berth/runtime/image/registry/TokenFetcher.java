package dev.berth.runtime.image.registry;

import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.UnauthorizedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gets Bearer tokens from the realm of a challenge (distribution "token" spec): {@code GET realm?service=&scope=}
 * with Basic credentials when there are any, or, with an identity token from an earlier login, the OAuth2
 * {@code POST realm} refresh-token grant (distribution "oauth" spec), as docker does.
 */
final class TokenFetcher {
    private static final String CLIENT_ID = "berth";
    private static final long MAX_TOKEN_RESPONSE = 1024 * 1024;

    private final RegistryClient client;

    TokenFetcher(RegistryClient client) {
        this.client = client;
    }

    /** A token for {@code scope} (may be null for a login check); {@code offline} asks for a refresh token too. */
    TokenResponse fetch(RegistryEndpoint endpoint, AuthChallenge challenge, String scope, Credentials credentials,
            boolean offline) throws IOException {
        String realm = challenge.param("realm");
        if (realm == null || realm.isEmpty()) {
            throw new EngineException(
                    "registry " + endpoint.host() + " asked for a Bearer token without naming a realm");
        }
        Map<String, String> params = new LinkedHashMap<>();
        putIfPresent(params, "service", challenge.param("service"));
        putIfPresent(params, "scope", scope);
        RegistryRequest request;
        if (credentials.identityToken() != null) {
            params.put("grant_type", "refresh_token");
            params.put("refresh_token", credentials.identityToken());
            params.put("client_id", CLIENT_ID);
            if (offline) {
                params.put("access_type", "offline");
            }
            String form = encode(params);
            request = new RegistryRequest("POST", URI.create(realm),
                    RegistryHttp.headers("Content-Type", "application/x-www-form-urlencoded"),
                    () -> HttpRequest.BodyPublishers.ofString(form), false);
        } else {
            if (credentials.hasBasic()) {
                params.put("account", credentials.username());
            }
            if (offline) {
                params.put("offline_token", "true");
                params.put("client_id", CLIENT_ID);
            }
            String query = encode(params);
            URI uri = URI.create(realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + query));
            Map<String, String> headers = credentials.hasBasic()
                    ? RegistryHttp.headers("Authorization", credentials.basicHeader()) : Map.of();
            request = new RegistryRequest("GET", uri, headers, null, false);
        }
        HttpResponse<InputStream> response = RegistryHttp.withRetries(client.options().maxRetries(), client.backoff(),
                endpoint.host(), request, () -> send(endpoint, request));
        return parse(response, realm, credentials);
    }

    private HttpResponse<InputStream> send(RegistryEndpoint endpoint, RegistryRequest request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(client.options().timeout())
                .header("User-Agent", RegistryHttp.USER_AGENT);
        request.headers().forEach(builder::header);
        builder.method(request.method(), request.body() == null
                ? HttpRequest.BodyPublishers.noBody() : request.body().get());
        try {
            // Token servers of insecure registries are usually just as self-signed as the registry.
            return client.httpClient(endpoint.skipTlsVerify())
                    .send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while getting a registry token", e);
        }
    }

    private static TokenResponse parse(HttpResponse<InputStream> response, String realm, Credentials credentials)
            throws IOException {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            byte[] body = RegistryHttp.errorBody(response);
            RegistryErrors.RegistryError error = RegistryErrors.parse(body);
            String reason = credentials.isAnonymous() ? "authentication required" : "incorrect username or password";
            String detail = error != null ? error.describe() : "token server answered " + status;
            throw new UnauthorizedException("unauthorized: " + reason + " (" + realm + ": " + detail + ")");
        }
        if (status != 200) {
            byte[] body = RegistryHttp.errorBody(response);
            throw new EngineException("getting a token from " + realm + " failed with status " + status
                    + (body.length == 0 ? "" : ": " + RegistryErrors.excerpt(body)));
        }
        TokenResponse token = Json.MAPPER.readValue(RegistryHttp.readBody(response, MAX_TOKEN_RESPONSE),
                TokenResponse.class);
        if (token.bearer() == null || token.bearer().isEmpty()) {
            throw new EngineException("token server " + realm + " returned no token");
        }
        return token;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
