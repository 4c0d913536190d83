package dev.berth.runtime.container.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.container.oci.RuncRuntime;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConmonCommandTest {
    private final Path exec = Path.of("/run/berth");
    private final RuncRuntime runc = new RuncRuntime(Path.of("/usr/sbin/runc"), exec);
    private final ContainerLayout layout = ContainerLayout.of(exec, Path.of("/var/lib/berth"), "abc");

    private static String after(List<String> argv, String flag) {
        return argv.get(argv.indexOf(flag) + 1);
    }

    @Test
    void containerArgumentsFollowPodman() {
        List<String> argv = ConmonCommand.forContainer(Path.of("/usr/bin/conmon"), runc, layout,
                new MonitorOptions("web", true, true, false, 1000));
        assertEquals("/usr/bin/conmon", argv.getFirst());
        assertEquals("1", after(argv, "--api-version"));
        assertEquals("abc", after(argv, "-c"));
        assertEquals("abc", after(argv, "-u"));
        assertEquals("web", after(argv, "-n"));
        assertEquals("/usr/sbin/runc", after(argv, "-r"));
        assertEquals("/run/berth/containers/abc", after(argv, "-b"));
        assertEquals("/run/berth/containers/abc/pidfile", after(argv, "-p"));
        assertEquals("/run/berth/exits", after(argv, "--exit-dir"));
        assertEquals("k8s-file:/var/lib/berth/containers/abc/container.log", after(argv, "-l"));
        assertEquals("/var/lib/berth/containers/abc", after(argv, "--persist-dir"));
        assertEquals("--root=/run/berth/runtime/runc", after(argv, "--runtime-arg"));
        assertEquals("1000", after(argv, "--log-size-max"));
        assertTrue(argv.containsAll(List.of("--full-attach", "-t", "-i", "--leave-stdin-open")));
    }

    @Test
    void detachedHasNoStdioFlags() {
        List<String> argv = ConmonCommand.forContainer(Path.of("conmon"), runc, layout, MonitorOptions.detached("n"));
        assertFalse(argv.contains("-t"));
        assertFalse(argv.contains("-i"));
        assertFalse(argv.contains("--log-size-max"));
    }

    @Test
    void execRunsInItsOwnDirectory() {
        ExecLayout e = ExecLayout.of(exec, "abc", "e1");
        List<String> argv = ConmonCommand.forExec(Path.of("conmon"), runc, e, layout, false, true, true);
        assertEquals("abc", after(argv, "-c"));
        assertEquals("e1", after(argv, "-u"));
        assertEquals("/run/berth/exec/e1", after(argv, "-b"));
        assertEquals("/run/berth/exec/e1/exit", after(argv, "--exit-dir"));
        assertEquals("/run/berth/exec/e1/process.json", after(argv, "--exec-process-spec"));
        assertTrue(argv.contains("-e"));
        assertTrue(argv.contains("--exec-attach"));
        assertEquals(1, Collections.frequency(argv, "-i"));
        assertEquals(Path.of("/run/berth/exec/e1/exit/abc"), e.exitFile());
    }
}
