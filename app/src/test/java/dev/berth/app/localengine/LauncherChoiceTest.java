package dev.berth.app.localengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherChoiceTest {
    private static final Path SCRIPT = Path.of("/opt/berth/bin/berthd");
    private static final Path LOG = Path.of("/home/me/.local/state/berth/berthd.log");

    @Test
    void theInstalledServiceWinsWhereSystemdRunsIt() {
        for (boolean root : new boolean[]{true, false}) {
            EngineLauncher l = LauncherChoice.forHost(new LauncherChoice.Host(root, true, true), SCRIPT, LOG);
            assertEquals(EngineLauncher.Mode.SERVICE, l.mode(), "root=" + root);
            assertEquals("journalctl -u berthd.service", l.logLocation());
        }
    }

    @Test
    void rootRunsBerthdItselfWithoutAService() {
        var l = assertInstanceOf(ProcessLauncher.class,
                LauncherChoice.forHost(new LauncherChoice.Host(true, true, false), SCRIPT, LOG));
        assertEquals(List.of("/opt/berth/bin/berthd"), l.command());
        assertEquals(EngineLauncher.Mode.DIRECT, l.mode());
        assertEquals(LOG.toString(), l.logLocation());
    }

    @Test
    void othersGoThroughPkexecWhenNoServiceCanBeUsed() {
        // An installed unit is no use where systemd does not run (a container, WSL without systemd).
        for (LauncherChoice.Host host : List.of(new LauncherChoice.Host(false, false, true),
                new LauncherChoice.Host(false, true, false))) {
            var l = assertInstanceOf(ProcessLauncher.class, LauncherChoice.forHost(host, SCRIPT, LOG));
            assertEquals(List.of("pkexec", "/opt/berth/bin/berthd"), l.command(), host.toString());
            assertEquals(EngineLauncher.Mode.PKEXEC, l.mode());
        }
    }
}
