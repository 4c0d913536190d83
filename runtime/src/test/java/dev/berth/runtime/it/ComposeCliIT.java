package dev.berth.runtime.it;

import dev.berth.testkit.ProcessRunner;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose (Debian's 1.29, a real API client of its own: docker-py, pinned API versions) brings a two-service
 * project up on berthd — its network with aliases, a named volume, a published port — and recreates, stops, starts
 * and removes it. Skipped when docker-compose is not installed.
 */
class ComposeCliIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    @TempDir
    Path project;

    private CommandResult compose(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker-compose", "-p", "itproj", "-f",
                project.resolve("docker-compose.yml").toString()));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(cmd, Map.of("DOCKER_HOST", berthd.dockerHost()), null, Duration.ofMinutes(2));
    }

    private CommandResult ok(String... args) {
        CommandResult r = compose(args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + ":\n" + r.stdout() + r.stderr());
        return r;
    }

    @Test
    void aProjectComesUpTalksAndGoesAway() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")),
                "docker-compose is not installed (scripts/install-deps --test installs it)");
        TestImages.busybox().push(registry, "compose/busybox", "1");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.writeString(project.resolve("docker-compose.yml"), """
                version: "3.8"
                services:
                  web:
                    image: %1$s/compose/busybox:1
                    command: ["httpd", "-f", "-p", "80", "-h", "/www"]
                    ports: ["%2$d:80"]
                    volumes: ["www:/www"]
                    depends_on: [db]
                    stop_grace_period: 1s
                  db:
                    image: %1$s/compose/busybox:1
                    command: ["sleep", "3600"]
                    stop_grace_period: 1s
                    networks:
                      default:
                        aliases: [database]
                volumes:
                  www: {}
                """.formatted(registry.host(), port));

        ok("up", "-d");
        String ps = ok("ps").stdout();
        assertTrue(ps.contains("itproj_web_1") && ps.contains("itproj_db_1"), ps);
        // Service names and aliases resolve on the project's network (compose connects each container before start).
        for (String name : List.of("db", "database", "itproj_db_1")) {
            CommandResult lookup = berthd.docker("exec", "itproj_web_1", "nslookup", name);
            assertEquals(0, lookup.exitCode(), name + ": " + lookup.stdout() + lookup.stderr());
        }
        ok("exec", "-T", "web", "sh", "-c", "echo hello from compose > /www/index.html");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("hello from compose\n", page.body());

        // Recreating reads the images' ContainerConfig (which API 1.45 dropped); the volume keeps the page.
        ok("up", "-d", "--force-recreate");
        ok("stop");
        ok("start");
        CommandResult again = berthd.docker("exec", "itproj_web_1", "cat", "/www/index.html");
        assertEquals("hello from compose", again.stdout().trim(), again.stderr());

        ok("down", "-v");
        assertFalse(berthd.docker("ps", "-a").stdout().contains("itproj_"), "containers removed");
        assertFalse(berthd.docker("network", "ls").stdout().contains("itproj_default"), "network removed");
        assertFalse(berthd.docker("volume", "ls").stdout().contains("itproj_www"), "volume removed");
    }
}
