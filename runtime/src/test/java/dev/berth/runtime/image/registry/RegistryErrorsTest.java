package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.ForbiddenException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.errors.UnauthorizedException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegistryErrorsTest {
    private static final URI URI_ = URI.create("http://localhost:5000/v2/foo/manifests/v9");
    private static final RegistryErrors.Context PULL = new RegistryErrors.Context("localhost:5000/foo", null, false);

    private static byte[] body(String code, String message) {
        return ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"detail\":{}}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wordsErrorsLikeDocker() {
        EngineException manifest = RegistryErrors.toException(404, body("MANIFEST_UNKNOWN", "manifest unknown"), "GET",
                URI_,
                PULL.forManifest("localhost:5000/foo:v9"));
        assertInstanceOf(NotFoundException.class, manifest);
        assertEquals("manifest for localhost:5000/foo:v9 not found: manifest unknown: manifest unknown",
                manifest.getMessage());

        EngineException name = RegistryErrors.toException(404,
                body("NAME_UNKNOWN", "repository name not known to registry"),
                "GET", URI_, PULL);
        assertEquals("repository localhost:5000/foo not found: name unknown: repository name not known to registry",
                name.getMessage());

        EngineException unauthorized = RegistryErrors.toException(401, body("UNAUTHORIZED", "authentication required"),
                "GET", URI_, PULL);
        assertInstanceOf(UnauthorizedException.class, unauthorized);
        assertEquals("unauthorized: authentication required", unauthorized.getMessage());

        EngineException denied = RegistryErrors.toException(403,
                body("DENIED", "requested access to the resource is denied"),
                "GET", URI_, PULL);
        assertInstanceOf(NotFoundException.class, denied);
        assertEquals(
                "pull access denied for localhost:5000/foo, repository does not exist or may require 'docker login': "
                        + "denied: requested access to the resource is denied",
                denied.getMessage());
        assertInstanceOf(ForbiddenException.class, RegistryErrors.toException(403, body("DENIED", "no"), "PUT", URI_,
                new RegistryErrors.Context("localhost:5000/foo", null, true)));
    }

    @Test
    void fallsBackToTheStatusWithoutABody() {
        assertInstanceOf(UnauthorizedException.class, RegistryErrors.toException(401, new byte[0], "GET", URI_, PULL));
        assertInstanceOf(NotFoundException.class,
                RegistryErrors.toException(404, "<html>".getBytes(), "GET", URI_, PULL));
        EngineException other = RegistryErrors.toException(502, new byte[0], "GET", URI_, PULL);
        assertEquals("unexpected status 502 from GET " + URI_, other.getMessage());
        assertEquals("toomanyrequests: slow down",
                RegistryErrors.toException(429, body("TOOMANYREQUESTS", "slow down"), "GET", URI_, PULL).getMessage());
    }
}
