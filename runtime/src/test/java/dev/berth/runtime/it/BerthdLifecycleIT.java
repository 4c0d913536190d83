package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** berthd's start-up checks and shutdown: a second daemon fails clearly, SIGTERM cleans up, restarts work. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BerthdLifecycleIT {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    @Test
    @Order(1)
    void secondDaemonOnTheSameDataRootExitsWithAClearMessage() {
        CommandResult r = BerthdExtension.runBerthd(RUN_TIMEOUT, "-H",
                "unix://" + berthd.tempDir().resolve("other.sock"),
                "--data-root", berthd.dataRoot().toString(), "--exec-root",
                berthd.tempDir().resolve("exec2").toString());
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("is in use by another berthd (pid " + berthd.pid() + ")"), r::toString);
        assertFalse(Files.exists(berthd.tempDir().resolve("other.sock")), "the loser must not leave a socket");
    }

    @Test
    @Order(2)
    void socketInUseExitsWithAClearMessage() {
        CommandResult r = BerthdExtension.runBerthd(RUN_TIMEOUT, "-H", berthd.dockerHost(),
                "--data-root", berthd.tempDir().resolve("data2").toString(),
                "--exec-root", berthd.tempDir().resolve("exec2").toString());
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("another daemon is already serving on it"), r::toString);
        assertEquals("OK", berthd.http("GET", "/_ping").text(), "the first daemon keeps serving");
    }

    @Test
    @Order(3)
    void badFlagsAndConfigConflictsExitNonZero() throws Exception {
        CommandResult unknown = BerthdExtension.runBerthd(RUN_TIMEOUT, "--no-such-flag");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.stderr().contains("unknown flag: --no-such-flag"), unknown::toString);
        var config = berthd.tempDir().resolve("daemon.json");
        Files.writeString(config, "{\"data-root\": \"/tmp/x\"}");
        CommandResult both = BerthdExtension.runBerthd(RUN_TIMEOUT, "--config-file", config.toString(),
                "--data-root", "/tmp/y");
        assertNotEquals(0, both.exitCode(), both::toString);
        assertTrue(both.stderr().contains("specified both as a flag and in the configuration file: data-root"),
                both::toString);
    }

    @Test
    @Order(4)
    void sigtermExitsZeroAndRemovesSocketAndPidFile() {
        assertTrue(Files.exists(berthd.pidFile()));
        assertEquals(0, berthd.stop(), berthd::log);
        assertFalse(Files.exists(berthd.socket()), "socket removed");
        assertFalse(Files.exists(berthd.pidFile()), "pid file removed");
        berthd.start();
        assertEquals("OK", berthd.http("GET", "/_ping").text(), "restarts on the same data root");
    }

    @Test
    @Order(5)
    void restartsAfterACrashLeftAStaleSocket() {
        String id = berthd.http("GET", "/info").json().get("ID").asText();
        berthd.kill9();
        assertTrue(Files.exists(berthd.socket()), "a crash leaves the socket file behind");
        berthd.start();
        assertEquals(id, berthd.http("GET", "/info").json().get("ID").asText(), "the engine ID survives restarts");
        assertTrue(berthd.log().contains("removed stale socket"), berthd::log);
    }
}
