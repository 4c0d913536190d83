package dev.berth.app.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;

/**
 * Plain JSON calls over docker-java's transport, for the endpoints docker-java has no command for ({@code /system/df},
 * {@code /images/{id}/history}, Berth's own {@code /berth/v1/...}). Same socket, same connection pool.
 */
final class RawApi {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);

    private final DockerHttpClient http;
    private final String endpoint;

    RawApi(DockerHttpClient http, String endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    JsonNode get(String path) {
        return call(DockerHttpClient.Request.Method.GET, path);
    }

    JsonNode post(String path) {
        return call(DockerHttpClient.Request.Method.POST, path, null);
    }

    /** POSTs {@code body} as JSON. */
    JsonNode post(String path, JsonNode body) {
        return call(DockerHttpClient.Request.Method.POST, path, body);
    }

    JsonNode delete(String path) {
        return call(DockerHttpClient.Request.Method.DELETE, path, null);
    }

    private JsonNode call(DockerHttpClient.Request.Method method, String path) {
        return call(method, path, null);
    }

    /** The body as JSON; a status of 400 or more is an {@link EngineException} with the engine's message and status. */
    private JsonNode call(DockerHttpClient.Request.Method method, String path, JsonNode json) {
        var builder = DockerHttpClient.Request.builder().method(method).path(path);
        if (json != null) {
            byte[] bytes;
            try {
                bytes = JSON.writeValueAsBytes(json);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            builder.putHeader("Content-Type", "application/json").bodyBytes(bytes);
        }
        DockerHttpClient.Request request = builder.build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            if (response.getStatusCode() >= 400) {
                throw new EngineException(EngineErrors.engineMessage(text.isBlank() ? "HTTP " + response.getStatusCode()
                        : text), response.getStatusCode(), null);
            }
            return text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw EngineErrors.translate(e, endpoint);
        } catch (EngineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
    }
}
