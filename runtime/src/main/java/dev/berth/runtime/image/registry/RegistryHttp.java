package dev.berth.runtime.image.registry;

import dev.berth.runtime.errors.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Sends registry requests for one endpoint, scope and set of credentials: adds the Authorization that the
 * registry's {@code WWW-Authenticate} challenge asks for, answers a 401 once with fresh credentials, follows
 * redirects without the registry's Authorization (blob GETs redirect to storage that must not see it), and
 * retries transient failures (connection errors, 5xx, 429) with backoff. Other statuses go back to the caller.
 */
final class RegistryHttp {
    private static final int MAX_REDIRECTS = 10;
    static final String USER_AGENT = "berth/0.1 (docker-compatible)";

    private final RegistryClient client;
    private final RegistryEndpoint endpoint;
    private final String scope;
    private final Credentials credentials;

    RegistryHttp(RegistryClient client, RegistryEndpoint endpoint, String scope, Credentials credentials) {
        this.client = client;
        this.endpoint = endpoint;
        this.scope = scope;
        this.credentials = credentials;
    }

    RegistryEndpoint endpoint() {
        return endpoint;
    }

    RegistryOptions clientOptions() {
        return client.options();
    }

    Backoff backoff() {
        return client.backoff();
    }

    /** Sends with auth, redirects and retries; the caller checks the status and must close the body. */
    HttpResponse<InputStream> send(RegistryRequest request) {
        return withRetries(client.options().maxRetries(), client.backoff(), endpoint.host(), request,
                () -> sendAuthenticated(request));
    }

    /** A request that is retried on transient failures; everything else returns or throws at once. */
    interface Attempt {
        HttpResponse<InputStream> run() throws IOException;
    }

    static HttpResponse<InputStream> withRetries(int maxRetries, Backoff backoff, String registry,
            RegistryRequest request,
            Attempt attempt) {
        for (int retry = 0;; retry++) {
            try {
                HttpResponse<InputStream> response = attempt.run();
                if (isTransient(response.statusCode()) && retry < maxRetries) {
                    Duration hint = retryAfter(response);
                    discard(response);
                    backoff.sleep(retry, hint);
                    continue;
                }
                return response;
            } catch (IOException e) {
                if (!isTransient(e) || retry >= maxRetries) {
                    throw unreachable(registry, request, e);
                }
                backoff.sleep(retry, null);
            }
        }
    }

    private HttpResponse<InputStream> sendAuthenticated(RegistryRequest request) throws IOException {
        String authorization = authorization();
        HttpResponse<InputStream> response = sendFollowingRedirects(request, authorization);
        if (response.statusCode() != 401) {
            return response;
        }
        AuthChallenge challenge = challengeOf(response);
        if (challenge == null) {
            return response;
        }
        AuthChallenge known = client.challenge(endpoint);
        client.rememberChallenge(endpoint, challenge);
        boolean sentBearer = authorization != null && authorization.startsWith("Bearer ");
        boolean sameScheme = known != null && known.scheme().equals(challenge.scheme());
        if (authorization != null && sameScheme && !sentBearer) {
            return response; // Basic credentials were refused: asking again will not help
        }
        if (sentBearer && credentials.registryToken() == null) {
            client.tokens().invalidate(tokenKey(challenge), authorization.substring("Bearer ".length()));
        }
        String fresh = authorization();
        if (fresh == null || fresh.equals(authorization)) {
            return response;
        }
        discard(response);
        return sendFollowingRedirects(request, fresh);
    }

    /** The challenge of a 401 to answer: Bearer is preferred when a registry offers several schemes, as docker does. */
    static AuthChallenge challengeOf(HttpResponse<?> response) {
        AuthChallenge basic = null;
        for (AuthChallenge c : AuthChallenge.parseAll(response.headers().allValues("WWW-Authenticate"))) {
            if (c.isBearer()) {
                return c;
            }
            if (c.isBasic() && basic == null) {
                basic = c;
            }
        }
        return basic;
    }

    /** The Authorization header for the endpoint's known challenge, or null (anonymous, or nothing known yet). */
    String authorization() throws IOException {
        AuthChallenge challenge = client.challenge(endpoint);
        if (challenge == null) {
            return null;
        }
        if (challenge.isBasic()) {
            return credentials.hasBasic() ? credentials.basicHeader() : null;
        }
        if (!challenge.isBearer()) {
            return null;
        }
        if (credentials.registryToken() != null) {
            return "Bearer " + credentials.registryToken();
        }
        TokenCache.Key key = tokenKey(challenge);
        String token = client.tokens().getOrFetch(key,
                () -> client.tokenFetcher().fetch(endpoint, challenge, scope, credentials, false));
        return "Bearer " + token;
    }

    private TokenCache.Key tokenKey(AuthChallenge challenge) {
        return new TokenCache.Key(challenge.param("realm"), challenge.param("service"), scope, credentials.cacheKey());
    }

    private HttpResponse<InputStream> sendFollowingRedirects(RegistryRequest request, String authorization)
            throws IOException {
        HttpResponse<InputStream> response = sendOnce(request, authorization, clientFor(request.uri()));
        RegistryRequest current = request;
        for (int hops = 0; request.followRedirects() && isRedirect(response.statusCode())
                && hops < MAX_REDIRECTS; hops++) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null) {
                return response;
            }
            discard(response);
            current = current.withUri(current.uri().resolve(location));
            // The distribution spec sends blob GETs to storage (often a CDN with signed URLs):
            // the registry's Authorization must not go there.
            response = sendOnce(current, null, clientFor(current.uri()));
        }
        return response;
    }

    private HttpClient clientFor(URI uri) {
        boolean sameHost = endpoint.base().getAuthority().equalsIgnoreCase(uri.getAuthority());
        return client.httpClient(sameHost && endpoint.skipTlsVerify());
    }

    private HttpResponse<InputStream> sendOnce(RegistryRequest request, String authorization, HttpClient http)
            throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(client.options().timeout())
                .header("User-Agent", USER_AGENT);
        request.headers().forEach(builder::header);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody() : request.body().get();
        builder.method(request.method(), body);
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while talking to registry " + endpoint.host(), e);
        }
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** 429 and server errors other than "not implemented": worth another try. Never 4xx otherwise. */
    static boolean isTransient(int status) {
        return status == 429 || (status >= 500 && status != 501 && status != 505);
    }

    /** Connection and timeout problems are transient; TLS failures (bad certificate, plain HTTP port) are not. */
    static boolean isTransient(IOException e) {
        return !(e instanceof SSLException);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return null; // HTTP-date form: fall back to our own backoff
            }
        }).orElse(null);
    }

    static EngineException unreachable(String registry, RegistryRequest request, IOException e) {
        return new EngineException("cannot reach registry " + registry + ": " + request.method() + " \""
                + request.uri() + "\": " + describe(e), e);
    }

    /** The most specific message in a cause chain; the JDK often leaves the outer one (or all) empty. */
    static String describe(Throwable e) {
        String message = null;
        boolean refused = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            refused |= t instanceof java.net.ConnectException;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (refused) {
            // The JDK client reports a refused connection as a ConnectException without a message.
            return "connect: " + (message == null ? "connection refused" : message.toLowerCase(java.util.Locale.ROOT));
        }
        String kind = e instanceof java.net.http.HttpTimeoutException ? "timeout: " : "";
        return kind + (message == null ? e.getClass().getSimpleName() : message);
    }

    /** Reads a body up to {@code limit} bytes; larger bodies are an error, never silently cut. */
    static byte[] readBody(HttpResponse<InputStream> response, long limit) throws IOException {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new EngineException("registry response from " + response.uri() + " exceeds " + limit + " bytes");
            }
            return bytes;
        }
    }

    /** The body of an error response, for the message; small and best effort. */
    static byte[] errorBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static void discard(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is dropped instead of reused; nothing else to do
        }
    }

    /** Throws the mapped registry error for an unexpected status. */
    static EngineException failure(HttpResponse<InputStream> response, RegistryErrors.Context context) {
        byte[] body = errorBody(response);
        return RegistryErrors.toException(response.statusCode(), body, response.request().method(),
                response.request().uri(), context);
    }

    /** Headers as a map, for requests that need a few. */
    static Map<String, String> headers(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
