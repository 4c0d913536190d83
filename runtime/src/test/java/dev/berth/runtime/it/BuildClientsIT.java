package dev.berth.runtime.it;

import dev.berth.testkit.ProcessRunner;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The clients that build through {@code POST /build} besides the CLI, unchanged: docker-compose 1.29 (through the
 * CLI, and through docker-py with {@code COMPOSE_DOCKER_CLI_BUILD=0}), Testcontainers' {@code ImageFromDockerfile} and
 * docker-java's {@code buildImageCmd}. Each reads the build's result its own way (the iidfile, the "Successfully
 * built" line, the stream), so each would fail on a stream that only looks right to the CLI.
 */
class BuildClientsIT {

    /** Where the failsafe configuration (runtime/pom.xml) points DOCKER_HOST for Testcontainers. */
    private static final String TESTCONTAINERS_SOCKET = "/tmp/berth-testcontainers-it.sock";

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("clients/busybox:1").withArgs("-H",
            "unix://" + TESTCONTAINERS_SOCKET);

    private static String base;

    @TempDir
    Path dir;

    @BeforeAll
    static void pushBase() {
        base = berthd.image();
    }

    @Test
    void dockerComposeBuildsAndRunsATwoServiceProject() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")),
                "docker-compose is not installed (scripts/install-deps --test installs it)");
        Files.createDirectories(dir.resolve("web"));
        Files.createDirectories(dir.resolve("worker"));
        Files.writeString(dir.resolve("web/Dockerfile"), """
                FROM %s
                COPY index.html /www/index.html
                CMD ["httpd", "-f", "-p", "80", "-h", "/www"]
                """.formatted(base));
        Files.writeString(dir.resolve("web/index.html"), "built by compose\n");
        Files.writeString(dir.resolve("worker/Dockerfile"), """
                FROM %s
                ARG MESSAGE
                RUN echo "$MESSAGE" > /message
                CMD ["sh", "-c", "cat /message; sleep 3600"]
                """.formatted(base));
        Files.writeString(dir.resolve("docker-compose.yml"), """
                version: "3.8"
                services:
                  web:
                    build: ./web
                    stop_grace_period: 1s
                  worker:
                    build:
                      context: ./worker
                      args:
                        MESSAGE: hello from a build arg
                    depends_on: [web]
                    stop_grace_period: 1s
                """);
        for (String viaCli : List.of("1", "0")) {
            CommandResult built = compose(viaCli, "build");
            assertEquals(0, built.exitCode(), built.toString());
            CommandResult up = compose(viaCli, "up", "-d");
            assertEquals(0, up.exitCode(), up.toString());
            CommandResult fetched = berthd.dockerWithInput("GET / HTTP/1.0\r\n\r\n".getBytes(), "exec", "-i",
                    "buildproj_worker_1",
                    "nc", "web", "80");
            assertTrue(fetched.stdout().contains("built by compose"), fetched.toString());
            CommandResult logs = compose(viaCli, "logs", "worker");
            assertTrue(logs.stdout().contains("hello from a build arg"), logs.toString());
            CommandResult down = compose(viaCli, "down", "--rmi", "local");
            assertEquals(0, down.exitCode(), down.toString());
        }
    }

    private CommandResult compose(String viaCli, String... args) {
        List<String> cmd = new ArrayList<>(
                List.of("docker-compose", "-p", "buildproj", "-f", dir.resolve("docker-compose.yml").toString()));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(cmd, Map.of("DOCKER_HOST", berthd.dockerHost(), "COMPOSE_DOCKER_CLI_BUILD", viaCli,
                "DOCKER_BUILDKIT", "0", "DOCKER_CONFIG", berthd.tempDir().resolve("docker-config").toString()), null,
                Duration.ofMinutes(3));
    }

    @Test
    void testcontainersBuildsFromADockerfileAndRunsIt() {
        ImageFromDockerfile image = new ImageFromDockerfile("berth-tc-built", true)
                .withFileFromString("greeting.txt", "built by Testcontainers\n")
                .withDockerfileFromBuilder(b -> b.from(base).copy("greeting.txt", "/greeting.txt")
                        .cmd("cat", "/greeting.txt").build());
        try (GenericContainer<?> c = new GenericContainer<>(image)
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
            c.start();
            assertEquals("built by Testcontainers\n", c.getLogs());
        }
    }

    @Test
    void dockerJavaBuildImageCmd() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"),
                "FROM " + base + "\nRUN echo docker-java > /who\nLABEL via=docker-java\n");
        DockerClient client = DockerClientFactory.instance().client();
        String id = client.buildImageCmd(dir.toFile()).withTags(Set.of("berth-dj:1")).withNoCache(true)
                .exec(new BuildImageResultCallback()).awaitImageId(2, TimeUnit.MINUTES);
        assertEquals("docker-java", client.inspectImageCmd("berth-dj:1").exec().getConfig().getLabels().get("via"));
        assertTrue(client.inspectImageCmd("berth-dj:1").exec().getId().contains(id),
                "docker-java read the built image's ID: " + id);
    }
}
