package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {
    @TempDir
    Path dir;

    private static String auth(String userPass) {
        return Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private DockerConfigCredentials config(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return new DockerConfigCredentials(file);
    }

    @Test
    void findsDockerHubUnderItsLegacyKey() throws IOException {
        DockerConfigCredentials c = config("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
                + auth("hubuser:hubpass") + "\"}}}");
        for (String name : new String[]{"docker.io", "index.docker.io", "registry-1.docker.io"}) {
            Credentials found = c.lookup(name);
            assertEquals("hubuser", found.username(), name);
            assertEquals("hubpass", found.password(), name);
        }
        assertTrue(c.lookup("localhost:5000").isAnonymous());
    }

    @Test
    void matchesHostsWrittenAsUrlsOrBare() throws IOException {
        DockerConfigCredentials c = config("""
                {"auths": {
                  "localhost:5000": {"auth": "%s"},
                  "https://registry.example.com/v2/": {"auth": "%s"},
                  "http://10.0.0.5:8443": {"identitytoken": "refresh-me"},
                  "ghcr.io": {}
                },
                "credsStore": "desktop"}
                """.formatted(auth("a:b"), auth("c:d:e")));
        assertEquals("a", c.lookup("localhost:5000").username());
        assertEquals("d:e", c.lookup("registry.example.com").password());
        assertEquals("refresh-me", c.lookup("10.0.0.5:8443").identityToken());
        assertTrue(c.lookup("ghcr.io").isAnonymous());
        assertTrue(c.lookup("localhost:5001").isAnonymous());
    }

    @Test
    void missingFileOrSectionMeansAnonymous() throws IOException {
        assertTrue(new DockerConfigCredentials(dir.resolve("absent.json")).lookup("docker.io").isAnonymous());
        assertTrue(config("{\"credsStore\":\"pass\"}").lookup("docker.io").isAnonymous());
    }

    @Test
    void brokenFilesAreReported() throws IOException {
        assertThrows(InvalidArgumentException.class, () -> config("{not json").lookup("docker.io"));
        assertThrows(InvalidArgumentException.class,
                () -> config("{\"auths\":{\"x.io\":{\"auth\":\"" + auth("nocolon") + "\"}}}").lookup("x.io"));
    }
}
