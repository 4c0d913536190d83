package dev.berth.runtime.container.monitor;

import dev.berth.runtime.container.oci.OciRuntime;
import dev.berth.runtime.container.oci.RuntimeSpec;
import java.util.concurrent.CompletableFuture;

/**
 * What runs a container's process and watches it: the seam between the container lifecycle and the processes it
 * spawns (conmon, in {@link ConmonMonitor}), so the lifecycle's rules can be tested without root or a runtime.
 */
public interface ContainerMonitor {
    /** The OCI runtime the monitor drives (start, kill, delete of containers it created). */
    OciRuntime runtime();

    /** Creates the container from {@code spec} under a monitor; on return it is "created", ready to start. */
    MonitoredContainer create(ContainerLayout layout, RuntimeSpec spec, MonitorOptions options);

    /** Completes with the container's exit code once its process has ended. */
    CompletableFuture<Integer> exitOf(MonitoredContainer container);

    /** Runs {@code process} inside the running container (docker exec). */
    ExecSession exec(ContainerLayout container, ExecLayout layout, RuntimeSpec.Process process, boolean attach);
}
