package dev.berth.runtime.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One API request as a handler sees it: the route's path variables, the query, the headers and a streamed body. */
public final class ApiRequest {
    private static final Set<String> FALSE_WORDS = Set.of("", "0", "no", "false", "none");

    private final String method;
    private final String path;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final HttpHeaders headers;
    private final ApiVersion version;
    private final InputStream body;
    private Filters filters;

    /**
     * @param path       decoded path without the version prefix
     * @param pathParams the route template's variables
     * @param query      decoded query parameters
     */
    public ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
            HttpHeaders headers, ApiVersion version, InputStream body) {
        this.method = method;
        this.path = path;
        this.pathParams = Map.copyOf(pathParams);
        this.query = Map.copyOf(query);
        this.headers = headers;
        this.version = version;
        this.body = body;
    }

    public String method() {
        return method;
    }

    /** The decoded path without the {@code /v1.NN} prefix. */
    public String path() {
        return path;
    }

    /** A variable of the route template, e.g. {@code name} of {@code /images/{name:.*}/json}. */
    public String pathParam(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalArgumentException("route has no variable '" + name + "'");
        }
        return v;
    }

    /** The first value of a query parameter, or null if absent. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Every value of a repeated query parameter (empty if absent). */
    public List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** A boolean parameter as moby reads it: absent → {@code dflt}; "", "0", "no", "false", "none" → false; else true. */
    public boolean queryBool(String name, boolean dflt) {
        String v = query(name);
        if (v == null) {
            return dflt;
        }
        return !FALSE_WORDS.contains(v.trim().toLowerCase(Locale.ROOT));
    }

    /** An integer parameter, null if absent or empty; junk is an InvalidArgumentException. */
    public Integer queryInt(String name) {
        String v = query(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid value for " + name + ": '" + v + "' is not an integer");
        }
    }

    /** The {@code filters} parameter (both JSON forms). */
    public Filters filters() {
        if (filters == null) {
            filters = Filters.parse(query("filters"));
        }
        return filters;
    }

    /** The most a JSON request body may hold: container specs with thousands of env vars and labels fit easily. */
    public static final int MAX_JSON_BODY = 16 << 20;

    /** A request header, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The API version of the path prefix, or the newest when there is none. */
    public ApiVersion version() {
        return version;
    }

    /** True if the client asked to upgrade the connection (attach, exec start): then {@link ApiResponse#hijack} answers 101. */
    public boolean wantsUpgrade() {
        return headers.contains(HttpHeaderNames.UPGRADE);
    }

    /** The request body, streamed as it arrives; empty when there is none. */
    public InputStream body() {
        return body;
    }

    /**
     * The body as JSON; an empty body gives null, malformed JSON an InvalidArgumentException, a body over
     * {@link #MAX_JSON_BODY} a PayloadTooLargeException (a JSON body is read whole, so its size is bounded).
     */
    public <T> T bodyJson(Class<T> type) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_JSON_BODY + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
        if (bytes.length > MAX_JSON_BODY) {
            throw new dev.berth.runtime.errors.PayloadTooLargeException(
                    "request body too large: a JSON body may have at most "
                            + (MAX_JSON_BODY >> 20) + " MiB");
        }
        if (isBlank(bytes)) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new InvalidArgumentException("invalid JSON in request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
