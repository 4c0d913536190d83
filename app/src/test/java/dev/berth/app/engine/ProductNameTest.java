package dev.berth.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Version;
import org.junit.jupiter.api.Test;

/** Which name the window shows for an engine, from {@code GET /version} bodies as each engine sends them. */
class ProductNameTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static String nameOf(String body) throws Exception {
        return DockerJavaMappings.productName(JSON.readValue(body, Version.class));
    }

    @Test
    void podmanIsNamedByItsComponentNotItsPlatform() throws Exception {
        assertEquals("Podman Engine", nameOf("""
                {"Platform":{"Name":"linux/amd64/debian-12"},
                 "Components":[{"Name":"Podman Engine","Version":"4.3.1"},{"Name":"Conmon","Version":"2.1.6"},
                               {"Name":"OCI Runtime (runc)","Version":"1.1.5"}],
                 "Version":"4.3.1","ApiVersion":"1.41"}"""));
    }

    @Test
    void dockerAndBerthAreNamedByTheirPlatform() throws Exception {
        assertEquals("Docker Engine - Community", nameOf("""
                {"Platform":{"Name":"Docker Engine - Community"},
                 "Components":[{"Name":"Engine","Version":"28.5.2"},{"Name":"containerd","Version":"1.7.27"}]}"""));
        assertEquals("Berth 0.1.0", nameOf("""
                {"Platform":{"Name":"Berth 0.1.0"},
                 "Components":[{"Name":"Engine","Version":"28.5.2"},{"Name":"berthd","Version":"0.1.0"}]}"""));
    }

    @Test
    void aMobyBuildWithoutPlatformNameIsDockerEngine() throws Exception {
        assertEquals("Docker Engine", nameOf("""
                {"Platform":{"Name":""},"Components":[{"Name":"Engine","Version":"26.1.5+dfsg1"}]}"""));
        assertEquals("", nameOf("{\"Version\":\"1.0\"}"));
    }
}
