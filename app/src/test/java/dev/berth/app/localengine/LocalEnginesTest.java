package dev.berth.app.localengine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.machine.bridge.DockerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker CLI context the app gives each user on its first start. */
class LocalEnginesTest {
    @TempDir
    Path home;

    private LocalEngines engines() {
        return new LocalEngines(home, home.resolve("berthd.log"), Map.of("DOCKER_CONFIG", home.resolve("docker")
                .toString(), "HOME", home.toString()));
    }

    @Test
    void theFirstStartWritesAContextForTheNativeEngineSocket() throws Exception {
        assertTrue(engines().offerDockerContext(LocalEngines.Kind.NATIVE));
        Path meta;
        try (Stream<Path> files = Files.walk(home.resolve("docker/contexts/meta"))) {
            meta = files.filter(p -> p.getFileName().toString().equals("meta.json")).findFirst().orElseThrow();
        }
        JsonNode json = new ObjectMapper().readTree(meta.toFile());
        assertTrue(json.path("Name").asText().equals("berth"), json.toString());
        assertTrue(json.at("/Endpoints/docker/Host").asText().equals("unix:///run/berth/berth.sock"), json.toString());
    }

    @Test
    void aContextOfThatNameIsLeftAsItIs() throws Exception {
        Path written = DockerContext.write(home.resolve("docker"), "berth", "unix:///somewhere/else.sock", "mine");
        String before = Files.readString(written);
        assertFalse(engines().offerDockerContext(LocalEngines.Kind.NATIVE));
        assertTrue(Files.readString(written).equals(before));
    }

    @Test
    void theVmWritesItsOwnContextWhenItStarts() throws Exception {
        assertFalse(engines().offerDockerContext(LocalEngines.Kind.VM));
        assertFalse(Files.exists(home.resolve("docker/contexts")));
    }
}
