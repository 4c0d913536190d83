package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docker stats, top, update, healthchecks and OOM kills, through the real CLI. */
class ObserveCliIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("observe/busybox:1");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String image;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
    }

    private static JsonNode inspect(String name) throws Exception {
        return JSON.readTree(berthd.dockerOk("inspect", name).stdout()).get(0);
    }

    /** One JSON line of {@code docker stats --no-stream --format '{{json .}}'} for the container. */
    private static JsonNode stats(String name) throws Exception {
        String out = berthd.dockerOk("stats", "--no-stream", "--format", "{{json .}}", name).stdout().trim();
        return JSON.readTree(out.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow());
    }

    @Test
    void statsShowsMemoryAndPidsOfARunningContainer() throws Exception {
        berthd.dockerOk("run", "-d", "--name", "st1", image, "sh", "-c",
                "x=$(head -c 2000000 /dev/zero | tr '\\0' a); sleep 60");
        // The shell holds its 2 MB string once the sleep runs.
        dev.berth.testkit.Await.until("the sleep to run", java.time.Duration.ofSeconds(30),
                () -> berthd.dockerOk("top", "st1").stdout().contains("sleep 60"));
        JsonNode s = stats("st1");
        assertEquals("st1", s.path("Name").asText(), s.toString());
        String mem = s.path("MemUsage").asText();
        assertFalse(mem.startsWith("0B"), s.toString());
        assertTrue(Integer.parseInt(s.path("PIDs").asText()) >= 1, s.toString());
        assertTrue(s.path("CPUPerc").asText().endsWith("%"), s.toString());
        assertTrue(s.path("NetIO").asText().contains("/"), s.toString());
        String table = berthd.dockerOk("stats", "--no-stream").stdout();
        assertTrue(table.contains("st1"), table);
        berthd.dockerOk("rm", "-f", "st1");
    }

    @Test
    void statsLimitFollowsMemoryFlagAndUpdate() throws Exception {
        berthd.dockerOk("run", "-d", "--name", "lim", "--memory", "32m", image, "sleep", "60");
        assertTrue(stats("lim").path("MemUsage").asText().endsWith("/ 32MiB"), stats("lim").toString());
        berthd.dockerOk("update", "--memory", "64m", "lim");
        assertEquals(64L * 1024 * 1024, inspect("lim").at("/HostConfig/Memory").asLong());
        String id = inspect("lim").path("Id").asText();
        Path limitFile = Path.of("/sys/fs/cgroup/memory/berth", id, "memory.limit_in_bytes");
        if (Files.exists(limitFile)) {
            assertEquals(64L * 1024 * 1024, Long.parseLong(Files.readAllLines(limitFile).get(0).trim()));
        }
        assertTrue(stats("lim").path("MemUsage").asText().endsWith("/ 64MiB"), stats("lim").toString());
        berthd.dockerOk("update", "--restart", "on-failure:3", "lim");
        String events = new String(
                berthd.http("GET", "/events?since=0&until=" + (System.currentTimeMillis() / 1000 + 1)).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(events.contains("\"Action\":\"update\""), events);
        assertEquals("on-failure", inspect("lim").at("/HostConfig/RestartPolicy/Name").asText());
        berthd.dockerOk("rm", "-f", "lim");
    }

    @Test
    void stoppedContainerGivesZeros() throws Exception {
        berthd.dockerOk("create", "--name", "idle", image, "true");
        JsonNode s = stats("idle");
        assertTrue(s.path("MemUsage").asText().startsWith("0B"), s.toString());
        berthd.dockerOk("rm", "idle");
    }

    @Test
    void topListsTheCommand() {
        berthd.dockerOk("run", "-d", "--name", "topper", image, "sleep", "77");
        String out = berthd.dockerOk("top", "topper").stdout();
        assertTrue(out.lines().findFirst().orElse("").contains("PID"), out);
        assertTrue(out.contains("sleep 77"), out);
        String custom = berthd.dockerOk("top", "topper", "-o", "pid,comm").stdout();
        assertTrue(custom.contains("sleep"), custom);
        berthd.dockerOk("stop", "-t", "0", "topper");
        CommandResult stopped = berthd.docker("top", "topper");
        assertFalse(stopped.ok());
        assertTrue(stopped.stderr().contains("is not running"), stopped.stderr());
        berthd.dockerOk("rm", "topper");
    }

    @Test
    void outOfMemoryIsRecorded() throws Exception {
        // conmon drops an "oom" file into its working directory on an OOM kill: that must not be berthd's own.
        java.nio.file.Path engineCwd = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc",
                java.nio.file.Files.readString(berthd.pidFile()).strip(), "cwd"));
        java.nio.file.Files.deleteIfExists(engineCwd.resolve("oom"));
        CommandResult r = berthd.docker("run", "--name", "oom", "--memory", "8m", image, "sh", "-c",
                "x=a; while true; do x=$x$x; done");
        assertEquals(137, r.exitCode(), r.toString());
        assertTrue(inspect("oom").at("/State/OOMKilled").asBoolean(), inspect("oom").toString());
        berthd.dockerOk("rm", "oom");
        assertTrue(!java.nio.file.Files.exists(engineCwd.resolve("oom")),
                "an oom file in berthd's directory " + engineCwd);
    }

    @Test
    void healthyAndUnhealthyChecks() throws Exception {
        berthd.dockerOk("run", "-d", "--name", "good", "--health-cmd", "true", "--health-interval", "1s", image,
                "sleep", "60");
        berthd.dockerOk("run", "-d", "--name", "bad", "--health-cmd", "false", "--health-interval", "1s",
                "--health-retries", "2", image, "sleep", "60");
        berthd.dockerOk("run", "-d", "--name", "slow", "--health-cmd", "sleep 5", "--health-interval", "1s",
                "--health-timeout", "1s",
                "--health-retries", "1", image, "sleep", "60");
        assertEquals("healthy", awaitHealth("good", "healthy"));
        assertEquals("unhealthy", awaitHealth("slow", "unhealthy"));
        assertTrue(inspect("slow").at("/State/Health/Log/0/Output").asText().contains("exceeded timeout"),
                inspect("slow").toString());
        assertEquals("unhealthy", awaitHealth("bad", "unhealthy"));
        JsonNode log = inspect("bad").at("/State/Health/Log");
        assertTrue(log.size() >= 2 && log.size() <= 5, log.toString());
        assertEquals(1, log.get(0).path("ExitCode").asInt(), log.toString());
        assertTrue(berthd.dockerOk("ps").stdout().contains("(healthy)"));
        String events = new String(
                berthd.http("GET", "/events?since=0&until=" + (System.currentTimeMillis() / 1000 + 1)).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(events.contains("health_status: healthy") && events.contains("health_status: unhealthy"), events);
        berthd.dockerOk("rm", "-f", "good", "bad", "slow");
    }

    @Test
    void statsApiShapeAndStreamEndsWhenTheContainerStops() throws Exception {
        berthd.dockerOk("run", "-d", "--name", "short", image, "sleep", "3");
        JsonNode one = JSON.readTree(berthd.http("GET", "/containers/short/stats?stream=0").body());
        assertTrue(one.at("/cpu_stats/system_cpu_usage").asLong() > one.at("/precpu_stats/system_cpu_usage").asLong(),
                one.toString());
        assertTrue(one.at("/precpu_stats/system_cpu_usage").asLong() > 0, one.toString());
        assertTrue(one.at("/memory_stats/usage").asLong() > 0, one.toString());
        assertTrue(one.at("/memory_stats/limit").asLong() > 0, one.toString());
        assertTrue(one.at("/networks/eth0/rx_bytes").isNumber(), one.toString());
        assertTrue(one.at("/pids_stats/current").asLong() >= 1, one.toString());
        long start = System.nanoTime();
        String stream = new String(berthd.http("GET", "/containers/short/stats?stream=1").body(),
                java.nio.charset.StandardCharsets.UTF_8);
        long lines = stream.lines().filter(l -> !l.isBlank()).count();
        assertTrue(lines >= 1 && lines <= 4, stream);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 6);
        berthd.dockerOk("rm", "-f", "short");
    }

    @Test
    void streamingStatsRefreshesInTheCli() throws Exception {
        berthd.dockerOk("run", "-d", "--name", "live", image, "sh", "-c", "while true; do :; done");
        Path config = java.nio.file.Files.createTempDirectory("docker-config");
        ProcessBuilder pb = new ProcessBuilder("docker", "stats", "--format", "{{.Name}} {{.CPUPerc}} {{.PIDs}}",
                "live")
                .redirectErrorStream(true).redirectOutput(config.resolve("out").toFile());
        pb.environment().put("DOCKER_HOST", berthd.dockerHost());
        pb.environment().put("DOCKER_CONFIG", config.toString());
        Process stats = pb.start();
        // A busy loop shows up as CPU use in at least one refresh.
        dev.berth.testkit.Await.until("a refresh with CPU use", java.time.Duration.ofSeconds(60), () -> {
            try {
                return java.nio.file.Files.readString(config.resolve("out")).lines()
                        .anyMatch(l -> l.matches(".*live \\d+\\.\\d+% \\d+.*"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        stats.destroyForcibly(); // docker stats ignores SIGTERM
        stats.waitFor();
        String out = java.nio.file.Files.readString(config.resolve("out"));
        // A busy loop shows up as CPU use in at least one refresh.
        assertTrue(out.lines().filter(l -> l.contains("live ")).anyMatch(l -> l.matches(".*live \\d+\\.\\d+% \\d+.*")),
                out);
        berthd.dockerOk("rm", "-f", "live");
    }

    @Test
    void diskUsageCountsTheWritableLayer() throws Exception {
        berthd.dockerOk("run", "--name", "writer", image, "sh", "-c", "head -c 300000 /dev/zero > /big");
        JsonNode df = JSON.readTree(berthd.http("GET", "/system/df?type=container").body());
        JsonNode entry = null;
        for (JsonNode c : df.path("Containers")) {
            if (c.path("Names").get(0).asText().equals("/writer")) {
                entry = c;
            }
        }
        assertTrue(entry != null, df.toString());
        assertTrue(entry.path("SizeRw").asLong() >= 300000, entry.toString());
        assertTrue(entry.path("SizeRootFs").asLong() > entry.path("SizeRw").asLong(), entry.toString());
        berthd.dockerOk("rm", "writer");
    }

    private static String awaitHealth(String name, String want) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String status = "";
        while (Instant.now().isBefore(deadline)) {
            status = inspect(name).at("/State/Health/Status").asText();
            if (status.equals(want)) {
                return status;
            }
            Thread.sleep(250);
        }
        return status + " " + inspect(name).at("/State/Health");
    }
}
