package dev.berth.runtime.image.registry;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.UnauthorizedException;
import dev.berth.runtime.image.reference.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's registry client: one per engine. It owns the HTTP clients, decides how each registry is
 * reached, remembers each registry's auth challenge and caches Bearer tokens, so that sessions (one per
 * pull or push) share them.
 *
 * <p>Scheme choice: HTTPS with verified certificates by default. Loopback registries ({@code localhost},
 * 127.0.0.0/8, ::1) are tried over plain HTTP first, then HTTPS without verification: a registry on this
 * machine is almost always a plain-HTTP development registry, and trying HTTPS first would cost a failed
 * TLS handshake for nothing; docker also counts loopback as insecure. Configured insecure registries are
 * tried as docker does, HTTPS (unverified) first, then HTTP. The working choice is remembered per host.
 */
public final class RegistryClient {
    private static final String HTTP_TO_HTTPS_SERVER = "HTTP request to an HTTPS server";

    private final RegistryOptions options;
    private final InsecureRegistries insecure;
    private final Backoff backoff;
    private final TokenCache tokens;
    private final TokenFetcher tokenFetcher = new TokenFetcher(this);
    /** Made on first use: a JDK client loads the CA certificates and sets up TLS, seconds of start-up in the VM. */
    private final dev.berth.runtime.common.Lazy<HttpClient> verifyingClient;
    private volatile HttpClient trustingClient;
    private final Map<String, RegistryEndpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, AuthChallenge> challenges = new ConcurrentHashMap<>();

    public RegistryClient(RegistryOptions options) {
        this(options, Clock.systemUTC(), Backoff.standard());
    }

    RegistryClient(RegistryOptions options, Clock clock, Backoff backoff) {
        this.options = options;
        this.insecure = new InsecureRegistries(options.insecureRegistries());
        this.backoff = backoff;
        this.tokens = new TokenCache(clock);
        this.verifyingClient = dev.berth.runtime.common.Lazy.of(() -> HttpClients.verifying(options.timeout()));
    }

    /** A session for pulling (and, if {@code push}, pushing) the repository of {@code repo}. */
    public RegistrySession session(ImageReference repo, Credentials credentials, boolean push) {
        RegistryEndpoint endpoint = repo.isDockerHub() && !push ? dockerHubForPull() : endpoint(repo.registryHost());
        String scope = "repository:" + repo.path() + (push ? ":pull,push" : ":pull");
        RegistryErrors.Context context = new RegistryErrors.Context(repo.familiarRepository(), null, push);
        return new RegistrySession(repo.withoutTagOrDigest(),
                new RegistryHttp(this, endpoint, scope, credentials == null ? Credentials.anonymous() : credentials),
                context);
    }

    /**
     * Checks credentials against a registry as {@code docker login} does: {@code GET /v2/}, then Basic or
     * the token flow the registry asks for. Returns an identity token when the token server issued a refresh
     * token, else "". A registry that asks for no authentication accepts any credentials, as with docker.
     *
     * @throws UnauthorizedException if the registry or its token server refuses the credentials
     */
    public String login(String serverAddress, Credentials credentials) {
        if (serverAddress == null || serverAddress.isBlank()) {
            throw new InvalidArgumentException("no registry address given to log in to");
        }
        Credentials given = credentials == null ? Credentials.anonymous() : credentials;
        RegistryEndpoint endpoint = endpoint(RegistryHosts.apiHost(serverAddress));
        return new RegistryLogin(this, endpoint, given).run();
    }

    RegistryOptions options() {
        return options;
    }

    Backoff backoff() {
        return backoff;
    }

    TokenCache tokens() {
        return tokens;
    }

    TokenFetcher tokenFetcher() {
        return tokenFetcher;
    }

    AuthChallenge challenge(RegistryEndpoint endpoint) {
        return challenges.get(endpoint.base().toString());
    }

    void rememberChallenge(RegistryEndpoint endpoint, AuthChallenge challenge) {
        challenges.put(endpoint.base().toString(), challenge);
    }

    /** The client that checks certificates, or the one that trusts any (insecure registries only). */
    HttpClient httpClient(boolean skipTlsVerify) {
        if (!skipTlsVerify) {
            return verifyingClient.get();
        }
        HttpClient c = trustingClient;
        if (c == null) {
            synchronized (this) {
                if (trustingClient == null) {
                    trustingClient = HttpClients.trustingAll(options.timeout());
                }
                c = trustingClient;
            }
        }
        return c;
    }

    /**
     * Docker Hub pulls go to the first configured mirror that answers {@code GET /v2/}, else to Docker Hub itself.
     * Pushes never go to mirrors (dockerd's {@code registry-mirrors} are pull-through caches).
     */
    private RegistryEndpoint dockerHubForPull() {
        for (String mirror : options.mirrors()) {
            String host = RegistryHosts.hostOf(mirror);
            // A mirror written as http:// is plain HTTP, as in daemon.json; otherwise the usual rules apply.
            RegistryEndpoint candidate = mirror.strip().startsWith("http://") ? RegistryEndpoint.http(host)
                    : endpoint(host);
            if (answers(candidate)) {
                return candidate;
            }
        }
        return endpoint(ImageReference.DOCKER_HUB_REGISTRY_HOST);
    }

    /** How to reach {@code host[:port]}; see the class comment for the order in which schemes are tried. */
    RegistryEndpoint endpoint(String host) {
        RegistryEndpoint known = endpoints.get(host);
        if (known != null) {
            return known;
        }
        List<RegistryEndpoint> candidates;
        if (InsecureRegistries.isLoopback(host)) {
            candidates = List.of(RegistryEndpoint.http(host), RegistryEndpoint.https(host, true));
        } else if (insecure.isInsecure(host)) {
            candidates = List.of(RegistryEndpoint.https(host, true), RegistryEndpoint.http(host));
        } else {
            RegistryEndpoint secure = RegistryEndpoint.https(host, false);
            endpoints.put(host, secure);
            return secure;
        }
        for (RegistryEndpoint candidate : candidates) {
            if (answers(candidate)) {
                endpoints.put(host, candidate);
                return candidate;
            }
        }
        // Neither answered (registry down?): do not remember, the real request reports the failure.
        return candidates.getFirst();
    }

    /** One {@code GET /v2/} without retries; a registry answers with 200 or 401, and we keep its challenge. */
    private boolean answers(RegistryEndpoint candidate) {
        RegistryRequest ping = RegistryRequest.get(candidate.resolve("/v2/"), Map.of());
        try {
            HttpResponse<InputStream> response = httpClient(candidate.skipTlsVerify()).send(
                    java.net.http.HttpRequest.newBuilder(ping.uri()).timeout(options.timeout())
                            .header("User-Agent", RegistryHttp.USER_AGENT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] body = RegistryHttp.errorBody(response);
            if (response.statusCode() == 400
                    && new String(body, StandardCharsets.UTF_8).contains(HTTP_TO_HTTPS_SERVER)) {
                return false;
            }
            if (response.statusCode() == 401) {
                AuthChallenge challenge = RegistryHttp.challengeOf(response);
                if (challenge != null) {
                    rememberChallenge(candidate, challenge);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while contacting registry " + candidate.host(), e);
        }
    }
}
