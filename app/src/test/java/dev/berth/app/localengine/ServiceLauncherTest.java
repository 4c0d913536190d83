package dev.berth.app.localengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service launcher's reading of systemctl and journalctl, with a shell script in their place that answers as
 * they do (SystemServiceIT runs the real ones against a real systemd). The script logs each call.
 */
class ServiceLauncherTest {
    @TempDir
    Path tmp;

    /** A launcher whose "systemctl"/"journalctl" is {@code sh fake} with the given script body. */
    private ServiceLauncher fake(String body) throws Exception {
        Path script = tmp.resolve("fake");
        Files.writeString(script, "echo \"$*\" >> " + tmp.resolve("calls") + "\n" + body);
        return new ServiceLauncher(List.of("sh", script.toString()), "berthd.service");
    }

    private List<String> calls() throws Exception {
        return Files.readAllLines(tmp.resolve("calls"));
    }

    private static void await(LocalEngineController c, LocalEngineController.State want) throws Exception {
        for (int i = 0; i < 200 && c.status().state() != want; i++) {
            Thread.sleep(50);
        }
        assertEquals(want, c.status().state(), c.status().message());
    }

    @Test
    void startsAndStopsTheUnit() throws Exception {
        AtomicBoolean up = new AtomicBoolean();
        var launcher = fake("exit 0");
        var c = new LocalEngineController(launcher, up::get, Duration.ofSeconds(10));
        c.start();
        up.set(true);
        await(c, LocalEngineController.State.RUNNING);
        up.set(false);
        c.stop();
        assertEquals(LocalEngineController.State.STOPPED, c.status().state());
        assertEquals("systemctl start berthd.service", calls().getFirst());
        assertEquals("systemctl stop berthd.service", calls().getLast());
    }

    @Test
    void polkitsRefusalIsAnErrorThatSaysWhoMayStartIt() throws Exception {
        var launcher = fake("""
                if [ "$2" = start ]; then
                  echo 'Failed to start berthd.service: Interactive authentication required.' >&2
                  echo "See system logs and 'systemctl status berthd.service' for details." >&2
                  exit 1
                fi
                """);
        var c = new LocalEngineController(launcher, () -> false, Duration.ofSeconds(10));
        c.start();
        await(c, LocalEngineController.State.ERROR);
        assertTrue(c.status().message().startsWith(
                "Failed to start berthd.service: Interactive authentication required. — members of the berth group"),
                c.status().message());
    }

    @Test
    void aBerthdThatExitsAndIsRestartedIsAnErrorWithTheJournalsLines() throws Exception {
        var launcher = fake("""
                case "$1 $2" in
                  "systemctl show") printf 'ActiveState=activating\\nSubState=auto-restart\\n' ;;
                  "journalctl -u") printf 'Starting berthd.service...\\nberthd: daemon.json: not JSON\\n' ;;
                esac
                """);
        var c = new LocalEngineController(launcher, () -> false, Duration.ofSeconds(10));
        c.start();
        await(c, LocalEngineController.State.ERROR);
        assertEquals("The engine exited before it answered; systemd is restarting berthd.service.",
                c.status().message());
        assertEquals(List.of("Starting berthd.service...", "berthd: daemon.json: not JSON"),
                c.status().lastLogLines());
        assertTrue(
                calls().stream()
                        .anyMatch(l -> l.startsWith("journalctl -u berthd.service -o cat --no-pager -n 15 --since @")),
                calls()::toString);
    }

    @Test
    void withoutAReadableJournalTheUnitsStatusExplains() throws Exception {
        var launcher = fake("""
                case "$1 $2" in
                  "systemctl show") printf 'ActiveState=failed\\nSubState=failed\\n' ;;
                  "journalctl -u") echo 'Hint: You are currently not seeing messages from other users and the system.'
                                   echo '-- No entries --' ;;
                  "systemctl status") echo '× berthd.service - Berth container engine (berthd)'
                                      echo '     Active: failed (Result: exit-code)' ; exit 3 ;;
                esac
                """);
        var c = new LocalEngineController(launcher, () -> false, Duration.ofSeconds(10));
        c.start();
        await(c, LocalEngineController.State.ERROR);
        assertEquals("The berthd.service service stopped before the engine answered (failed).", c.status().message());
        assertEquals(List.of("× berthd.service - Berth container engine (berthd)",
                "     Active: failed (Result: exit-code)"), c.status().lastLogLines());
    }

    @Test
    void aStopThatIsRefusedLeavesTheEngineRunningWithTheReason() throws Exception {
        var launcher = fake("""
                [ "$2" = stop ] && { echo 'Failed to stop berthd.service: Access denied' >&2; exit 1; }
                exit 0
                """);
        assertEquals(Optional.of("Failed to stop berthd.service: Access denied — members of the berth group may "
                + "start and stop the engine (sudo installer/linux/install-service --user $USER, then log in again)."),
                launcher.stop());
        var c = new LocalEngineController(launcher, () -> true, Duration.ofSeconds(10));
        c.stop();
        assertEquals(LocalEngineController.State.RUNNING, c.status().state());
        assertTrue(c.status().message().startsWith("Failed to stop berthd.service: Access denied"));
    }
}
