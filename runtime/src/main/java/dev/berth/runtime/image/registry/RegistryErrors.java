package dev.berth.runtime.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.ForbiddenException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.errors.UnauthorizedException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a registry's error response ({@code {"errors":[{"code","message","detail"}]}}, distribution-spec
 * "Error Codes") into the engine's errors, worded like docker's {@code translatePullError}
 * (moby {@code distribution/errors.go}): e.g. {@code manifest for localhost:5000/foo:v9 not found: manifest
 * unknown: manifest unknown}.
 */
final class RegistryErrors {
    /**
     * What the failed request was for, so the message can name it as docker does; {@code familiarReference}
     * is set only for manifest requests.
     */
    record Context(String familiarName, String familiarReference, boolean push) {
        Context forManifest(String familiarReference) {
            return new Context(familiarName, familiarReference, push);
        }
    }

    /** The first registry error of a body, or null if the body is not a registry error. */
    record RegistryError(String code, String message) {
        /** docker's {@code errcode.Error.Error()}: the code lower-cased with spaces, then the message. */
        String describe() {
            String codeText = code.toLowerCase(Locale.ROOT).replace('_', ' ');
            return message == null || message.isEmpty() ? codeText : codeText + ": " + message;
        }
    }

    private RegistryErrors() {}

    static RegistryError parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode errors = Json.MAPPER.readTree(body).path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return null;
            }
            JsonNode first = errors.get(0);
            String code = first.path("code").asText("");
            return code.isEmpty() ? null : new RegistryError(code, first.path("message").asText(""));
        } catch (IOException e) {
            return null;
        }
    }

    /** The engine error for an unexpected status. */
    static EngineException toException(int status, byte[] body, String method, URI uri, Context context) {
        RegistryError error = parse(body);
        if (error == null) {
            return withoutBody(status, method, uri, context);
        }
        String described = error.describe();
        return switch (error.code()) {
            case "MANIFEST_UNKNOWN" -> new NotFoundException(context.familiarReference() == null ? described
                    : "manifest for " + context.familiarReference() + " not found: " + described);
            case "NAME_UNKNOWN" -> new NotFoundException(
                    "repository " + context.familiarName() + " not found: " + described);
            case "BLOB_UNKNOWN", "BLOB_UPLOAD_UNKNOWN" -> new NotFoundException(described);
            case "DENIED" -> context.push()
                    ? new ForbiddenException(described)
                    : new NotFoundException("pull access denied for " + context.familiarName()
                            + ", repository does not exist or may require 'docker login': " + described);
            case "UNAUTHORIZED" -> new UnauthorizedException(described);
            default -> status == 401 ? new UnauthorizedException(described) : new EngineException(described);
        };
    }

    private static EngineException withoutBody(int status, String method, URI uri, Context context) {
        String request = method + " " + uri;
        return switch (status) {
            case 401 -> new UnauthorizedException("unauthorized: authentication required (" + request + ")");
            case 403 -> new ForbiddenException("denied: requested access to the resource is denied (" + request + ")");
            case 404 -> new NotFoundException(context.familiarReference() != null
                    ? "manifest for " + context.familiarReference() + " not found: not found (" + request + ")"
                    : "not found: " + request);
            case 429 -> new EngineException("toomanyrequests: too many requests (" + request + ")");
            default -> new EngineException("unexpected status " + status + " from " + request);
        };
    }

    /** A short, printable excerpt of a non-JSON error body for messages. */
    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        return text.replaceAll("\\s+", " ");
    }
}
