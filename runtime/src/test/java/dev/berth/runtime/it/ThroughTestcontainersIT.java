package dev.berth.runtime.it;

import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers, as Java developers' own integration tests use it, on berthd: a container from the test registry
 * with a mapped port and an HTTP wait strategy, a file copied in, exec, logs. It finds berthd as its users would,
 * through DOCKER_HOST. Ryuk and the start-up checks are off (failsafe's environment in runtime/pom.xml): they
 * would pull from Docker Hub. Not named Testcontainers*IT: surefire takes classes starting with "Test" for unit
 * tests.
 */
class ThroughTestcontainersIT {

    /** Where the failsafe configuration (runtime/pom.xml) points DOCKER_HOST for this JVM. */
    private static final String TESTCONTAINERS_SOCKET = "/tmp/berth-testcontainers-it.sock";

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("tc/busybox:1").withArgs("-H",
            "unix://" + TESTCONTAINERS_SOCKET);

    @Test
    void aGenericContainerStartsServesAndStops() throws Exception {
        assertEquals("unix://" + TESTCONTAINERS_SOCKET, System.getenv("DOCKER_HOST"),
                "run through failsafe, which sets DOCKER_HOST (runtime/pom.xml)");
        // Throws with each discovery strategy's reason when Testcontainers cannot use the engine.
        assertTrue(DockerClientFactory.instance().client().versionCmd().exec().getApiVersion().startsWith("1."));
        try (GenericContainer<?> web = new GenericContainer<>(DockerImageName.parse(berthd.image()))
                .withCommand("sh", "-c", "mkdir -p /www && echo from-testcontainers > /www/index.html "
                        + "&& echo serving && httpd -f -p 80 -h /www")
                .withExposedPorts(80)
                .withCopyToContainer(Transferable.of("copied in\n"), "/www/note.txt")
                .waitingFor(Wait.forHttp("/").forStatusCode(200).withStartupTimeout(Duration.ofSeconds(60)))) {
            web.start();
            String base = "http://" + web.getHost() + ":" + web.getMappedPort(80);
            HttpClient http = HttpClient.newHttpClient();
            assertEquals("from-testcontainers\n", http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("copied in\n", http.send(HttpRequest.newBuilder(URI.create(base + "/note.txt")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            var exec = web.execInContainer("cat", "/www/index.html");
            assertEquals(0, exec.getExitCode(), exec.getStderr());
            assertEquals("from-testcontainers\n", exec.getStdout());
            assertTrue(web.getLogs().contains("serving"), web.getLogs());
        }
        assertEquals("", berthd.docker("ps", "-q").stdout().trim(), "Testcontainers removed its container");
    }
}
