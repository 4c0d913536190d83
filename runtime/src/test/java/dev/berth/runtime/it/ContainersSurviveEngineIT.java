package dev.berth.runtime.it;

import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A crash of berthd costs no running container and no log line; restart policies hold across engine restarts. */
class ContainersSurviveEngineIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("survive/busybox:1");

    private static String image;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
        assertEquals(0, berthd.docker("pull", image).exitCode());
    }

    @Test
    void runningContainerKeepsRunningAndLoggingWhileBerthdIsDown() throws Exception {
        assertEquals(0, berthd.docker("run", "-d", "--name", "ticker", image,
                "sh", "-c", "i=0; while true; do i=$((i+1)); echo line-$i; sleep 0.2; done").exitCode());
        waitUntil(() -> berthd.docker("logs", "ticker").stdout().contains("line-3"), "first lines");
        assertEquals(0, berthd.docker("run", "-d", "--name", "short", image, "sh", "-c", "sleep 2; exit 5").exitCode());
        long shortPid = Long.parseLong(berthd.docker("inspect", "--format", "{{.State.Pid}}", "short").stdout().trim());
        java.nio.file.Path tickerLog = java.nio.file.Path
                .of(berthd.docker("inspect", "--format", "{{.LogPath}}", "ticker").stdout().trim());
        int before = linesIn(tickerLog);
        berthd.kill9();
        // While no engine runs: ticker logs 15 more lines and short exits.
        waitUntil(
                () -> linesIn(tickerLog) >= before + 15
                        && ProcessHandle.of(shortPid).map(h -> !h.isAlive()).orElse(true),
                "ticker's lines and short's exit while berthd is down");
        berthd.start();
        String ps = berthd.docker("ps").stdout();
        assertTrue(ps.contains("ticker"), ps);
        String logs = berthd.docker("logs", "ticker").stdout();
        int last = logs.lines().filter(l -> l.startsWith("line-")).mapToInt(l -> Integer.parseInt(l.substring(5))).max()
                .orElse(0);
        assertTrue(last >= 15, "lines written while berthd was down must be in the log, last was line-" + last);
        assertEquals("5", berthd.docker("inspect", "--format", "{{.State.ExitCode}}", "short").stdout().trim(),
                "the exit code of a container that ended while berthd was down is recorded");
        assertEquals(0, berthd.docker("stop", "-t", "1", "ticker").exitCode());
        assertEquals("false", berthd.docker("inspect", "--format", "{{.State.Running}}", "ticker").stdout().trim());
        berthd.docker("rm", "-f", "ticker", "short");
    }

    @Test
    void restartAlwaysComesBackAfterExitAndAfterAnEngineRestart() throws Exception {
        assertEquals(0, berthd
                .docker("run", "-d", "--name", "phoenix", "--restart", "always", image, "sh", "-c", "sleep 1; exit 1")
                .exitCode());
        waitUntil(() -> restartCount("phoenix") >= 1, "a restart after exit");
        berthd.stop();
        berthd.start();
        waitUntil(
                () -> "true"
                        .equals(berthd.docker("inspect", "--format", "{{.State.Running}}", "phoenix").stdout().trim()),
                "running again after the engine restarted");
        berthd.docker("rm", "-f", "phoenix");
    }

    @Test
    void aDetachedRunLeavesNoRequestOpenThatWouldHoldUpAStop() throws Exception {
        // docker run -d registers a wait and leaves without reading it; that wait must end with its client.
        assertEquals(0, berthd.docker("run", "-d", "--name", "detached", "--network", "none", image, "sleep", "300")
                .exitCode());
        int logged = berthd.log().length();
        assertEquals(0, berthd.stop());
        String stopLog = berthd.log().substring(logged);
        assertTrue(stopLog.contains("berthd stopped"), stopLog);
        assertTrue(!stopLog.contains("requests still running"), "a request outlived its client:\n" + stopLog);
        berthd.start();
        berthd.docker("rm", "-f", "detached");
    }

    private static int linesIn(java.nio.file.Path log) {
        try {
            return (int) java.nio.file.Files.readAllLines(log).stream().filter(l -> l.contains("line-")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static int restartCount(String name) {
        String out = berthd.docker("inspect", "--format", "{{.RestartCount}}", name).stdout().trim();
        return out.isEmpty() ? 0 : Integer.parseInt(out);
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "\n" + berthd.log());
    }
}
