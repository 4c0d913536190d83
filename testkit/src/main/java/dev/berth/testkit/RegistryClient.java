package dev.berth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small client for the <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI
 * distribution API</a> on plain JDK HTTP: it answers Basic and Bearer challenges with its credentials and
 * caches a token per scope, so tests can push fixtures and read back what a registry holds.
 */
public final class RegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final URI base;
    private final String user;
    private final String password;
    private final HttpClient http;
    private final Map<String, String> tokensByScope = new ConcurrentHashMap<>();
    private volatile String lastAuthorization;

    /** A client for the registry at {@code base}; {@code user} and {@code password} may be null (anonymous). */
    public RegistryClient(URI base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A response, body read fully. */
    public record Response(int status, HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + text(), e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** {@code GET path} (relative to the registry, e.g. {@code /v2/repo/manifests/tag}) with these Accept types. */
    public Response get(String path, String... accept) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null, accept);
    }

    public Response head(String path, String... accept) {
        return send("HEAD", path, HttpRequest.BodyPublishers.noBody(), null, accept);
    }

    public Response delete(String path) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    public Response post(String path) {
        return send("POST", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    public Response put(String path, String contentType, byte[] body) {
        return send("PUT", path, HttpRequest.BodyPublishers.ofByteArray(body), contentType);
    }

    /** The manifest (or index) stored under {@code reference}, accepting every OCI and Docker schema 2 type. */
    public Response manifest(String repo, String reference) {
        return get("/v2/" + repo + "/manifests/" + reference, MediaTypes.ALL_MANIFESTS);
    }

    public Response blob(String repo, String digest) {
        return get("/v2/" + repo + "/blobs/" + digest);
    }

    /** Uploads a blob unless the registry already has it: POST to open an upload, then one monolithic PUT. */
    public void pushBlob(String repo, String digest, byte[] bytes) {
        if (head("/v2/" + repo + "/blobs/" + digest).status() == 200) {
            return;
        }
        Response opened = expect(post("/v2/" + repo + "/blobs/uploads/"), 202, "open upload of " + digest);
        String location = opened.header("Location");
        if (location == null) {
            throw new IllegalStateException("registry opened an upload without a Location header");
        }
        String target = location + (location.contains("?") ? "&" : "?") + "digest="
                + URLEncoder.encode(digest, StandardCharsets.UTF_8);
        expect(put(target, "application/octet-stream", bytes), 201, "upload of " + digest);
    }

    /** Stores a manifest or index under {@code reference} (a tag or its digest). */
    public void pushManifest(String repo, String reference, String mediaType, byte[] bytes) {
        expect(put("/v2/" + repo + "/manifests/" + reference, mediaType, bytes), 201,
                "manifest " + repo + ":" + reference);
    }

    private static Response expect(Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.status() + " " + response.text());
        }
        return response;
    }

    private Response send(String method, String path, HttpRequest.BodyPublisher body, String contentType,
            String... accept) {
        URI uri = base.resolve(path);
        Response response = exchange(method, uri, body, contentType, lastAuthorization, accept);
        if (response.status() != 401) {
            return response;
        }
        String authorization = answer(response.header("WWW-Authenticate"));
        if (authorization == null) {
            return response;
        }
        lastAuthorization = authorization;
        return exchange(method, uri, body, contentType, authorization, accept);
    }

    private Response exchange(String method, URI uri, HttpRequest.BodyPublisher body, String contentType,
            String authorization, String... accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept.length > 0) {
            request.header("Accept", String.join(", ", accept));
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + uri, e);
        }
    }

    /** The Authorization header that answers a challenge, or null when we cannot (no credentials, unknown scheme). */
    private String answer(String challenge) {
        if (challenge == null) {
            return null;
        }
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            return basic();
        }
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = CHALLENGE_PARAM.matcher(challenge);
        while (matcher.find()) {
            params.put(matcher.group(1), matcher.group(2));
        }
        if ("insufficient_scope".equals(params.get("error")) && user == null) {
            return null;
        }
        String scope = params.getOrDefault("scope", "");
        String cached = tokensByScope.get(scope);
        // A cached token that was just refused is stale or too narrow: fetch a fresh one.
        if (cached != null && !("Bearer " + cached).equals(lastAuthorization)) {
            return "Bearer " + cached;
        }
        String token = fetchToken(params.get("realm"), params.get("service"), scope);
        if (token == null) {
            return null;
        }
        tokensByScope.put(scope, token);
        return "Bearer " + token;
    }

    private String fetchToken(String realm, String service, String scope) {
        if (realm == null) {
            return null;
        }
        StringBuilder query = new StringBuilder();
        if (service != null) {
            query.append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
        }
        if (!scope.isEmpty()) {
            query.append(query.isEmpty() ? "" : "&").append("scope=")
                    .append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        URI uri = URI.create(realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + query));
        Response response = exchange("GET", uri, HttpRequest.BodyPublishers.noBody(), null, basic());
        if (response.status() != 200) {
            return null;
        }
        JsonNode json = response.json();
        JsonNode token = json.hasNonNull("token") ? json.get("token") : json.get("access_token");
        return token == null ? null : token.asText();
    }

    private String basic() {
        if (user == null) {
            return null;
        }
        String pair = user + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
