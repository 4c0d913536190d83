package dev.berth.runtime.image.registry;

import dev.berth.runtime.errors.UnauthorizedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * {@code docker login} against one registry (moby {@code registry/auth.go loginV2}): ping {@code /v2/}; if it
 * asks for Basic, retry the ping with the credentials; if it asks for a Bearer token, get one with the
 * credentials (no repository scope) and retry the ping with it.
 */
final class RegistryLogin {
    private final RegistryClient client;
    private final RegistryEndpoint endpoint;
    private final Credentials credentials;

    RegistryLogin(RegistryClient client, RegistryEndpoint endpoint, Credentials credentials) {
        this.client = client;
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /** Returns the identity token to store (a refresh token), or "". */
    String run() {
        RegistryRequest ping = RegistryRequest.get(endpoint.resolve("/v2/"), Map.of());
        // Raw, not through RegistryHttp: that would answer a known Bearer challenge with an anonymous token,
        // and a registry that lets anonymous users ping would then "accept" any password.
        HttpResponse<InputStream> first = ping(ping, null);
        if (first.statusCode() == 200) {
            RegistryHttp.discard(first);
            return "";
        }
        if (first.statusCode() != 401) {
            throw RegistryHttp.failure(first, context());
        }
        AuthChallenge challenge = RegistryHttp.challengeOf(first);
        RegistryHttp.discard(first);
        if (challenge == null) {
            throw new UnauthorizedException("login to " + endpoint.host()
                    + " failed: the registry demands authentication but offers no scheme we know");
        }
        client.rememberChallenge(endpoint, challenge);
        if (credentials.isAnonymous()) {
            throw new UnauthorizedException(
                    "login to " + endpoint.host() + " failed: unauthorized: authentication required");
        }
        String authorization;
        String identityToken = "";
        if (challenge.isBearer()) {
            try {
                TokenResponse token = client.tokenFetcher().fetch(endpoint, challenge, null, credentials, true);
                authorization = "Bearer " + token.bearer();
                identityToken = token.refreshToken() == null ? "" : token.refreshToken();
            } catch (UnauthorizedException e) {
                throw new UnauthorizedException("login to " + endpoint.host() + " failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw RegistryHttp.unreachable(endpoint.host(), ping, e);
            }
        } else {
            authorization = credentials.basicHeader();
        }
        HttpResponse<InputStream> second = ping(ping, authorization);
        int status = second.statusCode();
        if (status == 401 || status == 403) {
            RegistryHttp.discard(second);
            throw new UnauthorizedException("login to " + endpoint.host()
                    + " failed: unauthorized: incorrect username or password");
        }
        if (status != 200) {
            throw RegistryHttp.failure(second, context());
        }
        RegistryHttp.discard(second);
        return identityToken;
    }

    private HttpResponse<InputStream> ping(RegistryRequest ping, String authorization) {
        return RegistryHttp.withRetries(client.options().maxRetries(), client.backoff(), endpoint.host(), ping, () -> {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(ping.uri())
                    .timeout(client.options().timeout())
                    .header("User-Agent", RegistryHttp.USER_AGENT)
                    .GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                return client.httpClient(endpoint.skipTlsVerify())
                        .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.berth.runtime.errors.EngineException("interrupted while logging in to " + endpoint.host(),
                        e);
            }
        });
    }

    private RegistryErrors.Context context() {
        return new RegistryErrors.Context(endpoint.host(), null, false);
    }
}
