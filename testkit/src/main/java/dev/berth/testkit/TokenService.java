package dev.berth.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The token service of a token-auth registry (the "realm"): trades Basic credentials for an RS256 JWT
 * that grants every requested scope to the one known user, and nothing to anonymous callers.
 *
 * <p>Token format: <a href="https://distribution.github.io/distribution/spec/auth/jwt/">distribution's JWT spec</a>.
 */
final class TokenService implements AutoCloseable {

    static final String ISSUER = "berth-testkit-token-issuer";
    private static final long LIFETIME_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String user;
    private final String password;
    private final String service;
    private final SigningKey key;
    private final HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();

    TokenService(String user, String password, String service, SigningKey key) throws IOException {
        this.user = user;
        this.password = password;
        this.service = service;
        this.key = key;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The URL the registry sends clients to in its {@code WWW-Authenticate: Bearer realm=...} challenge. */
    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    int tokensIssued() {
        return issued.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = Request.parse(exchange);
            if (request == null) {
                reply(exchange, 400, "{\"details\":\"unsupported token request\"}");
                return;
            }
            if (request.user() != null && !(constantTimeEquals(user, request.user())
                    && constantTimeEquals(password, request.password()))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"berth-testkit\"");
                reply(exchange, 401, "{\"details\":\"incorrect username or password\"}");
                return;
            }
            boolean authenticated = request.user() != null;
            Instant now = Instant.now();
            String token = sign(authenticated ? request.user() : "", authenticated ? request.scopes() : List.of(), now);
            issued.incrementAndGet();
            ObjectNode body = JSON.createObjectNode()
                    .put("token", token)
                    .put("access_token", token)
                    .put("expires_in", LIFETIME_SECONDS)
                    .put("issued_at", now.toString());
            reply(exchange, 200, JSON.writeValueAsString(body));
        }
    }

    private String sign(String subject, List<String> scopes, Instant now) throws IOException {
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(key.certificateX5c());
        long seconds = now.getEpochSecond();
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", ISSUER)
                .put("sub", subject)
                // distribution 2.8 reads "aud" as one string (later versions accept a list too).
                .put("aud", service)
                .put("exp", seconds + LIFETIME_SECONDS)
                .put("nbf", seconds - 1)
                .put("iat", seconds)
                .put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        for (String scope : scopes) {
            addAccess(access, scope);
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                + b64.encodeToString(JSON.writeValueAsBytes(claims));
        return signingInput + "." + b64.encodeToString(key.signRs256(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    // A scope is "type:name:action,action"; the name may itself hold a colon (a registry host with a port).
    private static void addAccess(ArrayNode access, String scope) {
        int first = scope.indexOf(':');
        int last = scope.lastIndexOf(':');
        if (first < 0 || last == first) {
            return;
        }
        ObjectNode entry = access.addObject()
                .put("type", scope.substring(0, first))
                .put("name", scope.substring(first + 1, last));
        ArrayNode actions = entry.putArray("actions");
        for (String action : scope.substring(last + 1).split(",")) {
            if (!action.isBlank()) {
                actions.add(action);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** What a token request asks for: from GET (Basic header + query) or POST (OAuth2 password grant form). */
    private record Request(String user, String password, List<String> scopes) {

        static Request parse(HttpExchange exchange) throws IOException {
            String method = exchange.getRequestMethod();
            if ("GET".equals(method)) {
                List<String> scopes = values(exchange.getRequestURI().getRawQuery(), "scope", " ");
                String header = exchange.getRequestHeaders().getFirst("Authorization");
                if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                    return new Request(null, null, scopes);
                }
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? new Request(decoded, "", scopes)
                        : new Request(decoded.substring(0, colon), decoded.substring(colon + 1), scopes);
            }
            if ("POST".equals(method)) {
                // containerd and others POST an OAuth2 form when they hold a password (grant_type=password).
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                List<String> grant = values(form, "grant_type", null);
                if (!grant.equals(List.of("password"))) {
                    return null;
                }
                List<String> users = values(form, "username", null);
                List<String> passwords = values(form, "password", null);
                return new Request(users.isEmpty() ? "" : users.getFirst(),
                        passwords.isEmpty() ? "" : passwords.getFirst(),
                        values(form, "scope", " "));
            }
            return null;
        }

        // Scopes may come as repeated parameters and, in the OAuth2 form, space-separated in one.
        private static List<String> values(String query, String name, String splitOn) {
            List<String> out = new ArrayList<>();
            if (query == null) {
                return out;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name) && eq >= 0) {
                    String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    out.addAll(splitOn == null ? List.of(value) : List.of(value.split(splitOn)));
                }
            }
            out.removeIf(String::isBlank);
            return out;
        }
    }

    // A test kit has no timing attackers, but there is no reason to teach the wrong habit.
    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
