package dev.berth.runtime.container.oci;

import dev.berth.runtime.container.monitor.ConmonMonitor;
import dev.berth.runtime.container.monitor.ContainerLayout;
import dev.berth.runtime.container.monitor.MonitorOptions;
import dev.berth.runtime.container.monitor.MonitoredContainer;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Run in a separate JVM by the conformance suite: starts a ticking container under conmon, says
 * "started PID", then waits to be SIGKILLed, to prove the container does not depend on its launcher.
 */
public final class DetachedLauncher {
    private DetachedLauncher() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        Path binary = Path.of(args[1]);
        Path execRoot = Path.of(args[2]);
        Path dataRoot = Path.of(args[3]);
        Path rootfs = Path.of(args[4]);
        String id = args[5];
        OciRuntime runtime = name.equals(CrunRuntime.NAME) ? new CrunRuntime(binary, execRoot)
                : new RuncRuntime(binary, execRoot);
        ContainerSpecOptions options = ContainerSpecOptions.builder().rootfs(rootfs)
                .args("sh", "-c", "i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.1; done")
                .cgroupsPath("/berth-it-" + UUID.randomUUID()).build();
        MonitoredContainer c = new ConmonMonitor(ConmonMonitor.findConmon(), runtime)
                .create(ContainerLayout.of(execRoot, dataRoot, id),
                        new OciSpecBuilder(HostFacts.detect()).build(options),
                        MonitorOptions.detached(id));
        runtime.start(id);
        System.out.println("started " + c.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
