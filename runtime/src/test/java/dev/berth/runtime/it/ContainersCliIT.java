package dev.berth.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real docker CLI runs, inspects, stops and removes containers on berthd. */
class ContainersCliIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String image;

    @BeforeAll
    static void pushImage() {
        TestImages.busybox().push(registry, "run/busybox", "1");
        image = registry.host() + "/run/busybox:1";
    }

    private static CommandResult ok(String... args) {
        CommandResult r = berthd.docker(args);
        assertEquals(0, r.exitCode(), () -> "docker " + String.join(" ", args) + " failed:\n" + r.stdout() + r.stderr() + "\n" + berthd.log());
        return r;
    }

    @Test
    void runPrintsOutputAndPullsWhenMissing() {
        CommandResult r = ok("run", "--rm", image, "echo", "hi");
        assertEquals("hi", r.stdout().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(""),
                () -> "stdout:\n" + r.stdout() + "\nstderr:\n" + r.stderr() + "\n" + berthd.log());
        assertTrue(r.stderr().contains("Unable to find image") || r.stderr().isEmpty() || r.stderr().contains("Pull complete"), r.stderr());
    }

    @Test
    void exitCodeIsPassedThrough() {
        CommandResult r = berthd.docker("run", "--rm", image, "sh", "-c", "exit 3");
        assertEquals(3, r.exitCode(), r.stderr());
    }

    @Test
    void detachedContainerRunsAndStops() throws Exception {
        String id = ok("run", "-d", "--name", "web", image, "sh", "-c", "while true; do echo tick; sleep 0.2; done").stdout().trim();
        assertEquals(64, id.length(), id);
        assertTrue(ok("ps").stdout().contains("web"));
        JsonNode inspect = JSON.readTree(ok("inspect", "web").stdout()).get(0);
        assertTrue(inspect.at("/State/Running").asBoolean());
        assertTrue(inspect.at("/State/Pid").asLong() > 0);
        waitForLogs("web", "tick");
        ok("stop", "-t", "1", "web");
        JsonNode stopped = JSON.readTree(ok("inspect", "web").stdout()).get(0);
        assertFalse(stopped.at("/State/Running").asBoolean());
        ok("start", "web");
        assertTrue(JSON.readTree(ok("inspect", "web").stdout()).get(0).at("/State/Running").asBoolean());
        ok("rm", "-f", "web");
        assertFalse(ok("ps", "-a").stdout().contains("web"));
    }

    @Test
    void commandNotFoundIs127() {
        CommandResult r = berthd.docker("run", "--rm", image, "/no/such/binary");
        assertEquals(127, r.exitCode(), r.stderr());
    }

    @Test
    void removingARunningContainerNeedsForce() {
        ok("run", "-d", "--name", "busy", image, "sleep", "60");
        CommandResult rm = berthd.docker("rm", "busy");
        assertNotEquals(0, rm.exitCode());
        assertTrue(rm.stderr().contains("stop the container before removing or force remove"), rm.stderr());
        ok("rm", "-f", "busy");
    }

    private static void waitForLogs(String name, String text) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            if (berthd.docker("logs", name).stdout().contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' in the logs of " + name);
    }
}
