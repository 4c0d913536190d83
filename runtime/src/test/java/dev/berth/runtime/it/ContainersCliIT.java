package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real docker CLI runs, inspects, stops and removes containers on berthd. */
class ContainersCliIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("run/busybox:1");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String image;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
    }

    @Test
    void runPrintsOutputAndPullsWhenMissing() {
        CommandResult r = berthd.dockerOk("run", "--rm", image, "echo", "hi");
        assertEquals("hi", r.stdout().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(""),
                () -> "stdout:\n" + r.stdout() + "\nstderr:\n" + r.stderr() + "\n" + berthd.log());
        assertTrue(r.stderr().contains("Unable to find image") || r.stderr().isEmpty()
                || r.stderr().contains("Pull complete"), r.stderr());
    }

    @Test
    void exitCodeIsPassedThrough() {
        CommandResult r = berthd.docker("run", "--rm", image, "sh", "-c", "exit 3");
        assertEquals(3, r.exitCode(), r.stderr());
    }

    @Test
    void detachedContainerRunsAndStops() throws Exception {
        String id = berthd
                .dockerOk("run", "-d", "--name", "web", image, "sh", "-c", "while true; do echo tick; sleep 0.2; done")
                .stdout().trim();
        assertEquals(64, id.length(), id);
        assertTrue(berthd.dockerOk("ps").stdout().contains("web"));
        JsonNode inspect = JSON.readTree(berthd.dockerOk("inspect", "web").stdout()).get(0);
        assertTrue(inspect.at("/State/Running").asBoolean());
        assertTrue(inspect.at("/State/Pid").asLong() > 0);
        waitForLogs("web", "tick");
        berthd.dockerOk("stop", "-t", "1", "web");
        JsonNode stopped = JSON.readTree(berthd.dockerOk("inspect", "web").stdout()).get(0);
        assertFalse(stopped.at("/State/Running").asBoolean());
        berthd.dockerOk("start", "web");
        assertTrue(JSON.readTree(berthd.dockerOk("inspect", "web").stdout()).get(0).at("/State/Running").asBoolean());
        berthd.dockerOk("rm", "-f", "web");
        assertFalse(berthd.dockerOk("ps", "-a").stdout().contains("web"));
    }

    @Test
    void commandNotFoundIs127() {
        CommandResult r = berthd.docker("run", "--rm", image, "/no/such/binary");
        assertEquals(127, r.exitCode(), r.stderr());
    }

    @Test
    void removingARunningContainerNeedsForce() {
        berthd.dockerOk("run", "-d", "--name", "busy", image, "sleep", "60");
        CommandResult rm = berthd.docker("rm", "busy");
        assertNotEquals(0, rm.exitCode());
        assertTrue(rm.stderr().contains("stop the container before removing or force remove"), rm.stderr());
        berthd.dockerOk("rm", "-f", "busy");
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
