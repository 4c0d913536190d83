package dev.berth.machine.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker context is written where the docker CLI looks for it: meta/<sha256 of the name>/meta.json. */
class DockerContextTest {
    @TempDir
    Path dir;

    @Test
    void theContextNamesTheHostSocket() throws Exception {
        Path meta = DockerContext.write(dir, "berth", Path.of("/home/ana/.berth/run/docker.sock"), "Berth VM berth");
        assertEquals(dir.resolve("contexts/meta").resolve(DockerContext.sha256("berth")).resolve("meta.json"), meta);
        JsonNode json = new ObjectMapper().readTree(Files.readAllBytes(meta));
        assertEquals("berth", json.path("Name").asText());
        assertEquals("unix://" + Path.of("/home/ana/.berth/run/docker.sock"),
                json.path("Endpoints").path("docker").path("Host").asText());
        assertEquals("Berth VM berth", json.path("Metadata").path("Description").asText());
        // docker's own digest of "default" is well known: the path scheme is docker's.
        assertEquals("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f",
                DockerContext.sha256("default"));
    }

    @Test
    void dockerConfigIsHonoured() {
        assertEquals(Path.of("/tmp/dc"), DockerContext.configDir(Map.of("DOCKER_CONFIG", "/tmp/dc")));
    }
}
