package dev.berth.runtime.container.oci;

import java.nio.file.Path;
import java.time.Duration;

/** runc, the reference OCI runtime; works with cgroup v1, v2 and hybrid hosts. */
public final class RuncRuntime extends CliOciRuntime {
    public static final String NAME = "runc";

    public RuncRuntime(Path binary, Path execRoot) {
        super(NAME, binary, execRoot);
    }

    /** Releases the created container itself when runc's exec fifo is there ({@link ExecFifo}), else runs {@code runc start}. */
    @Override
    public void start(String id) {
        if (!ExecFifo.release(stateRoot().resolve(id).resolve("exec.fifo"), Duration.ofSeconds(10))) {
            super.start(id);
        }
    }

    /** runc found on the PATH (or /usr/bin/runc when it is not). */
    public static RuncRuntime onPath(Path execRoot) {
        return new RuncRuntime(Executables.find(NAME), execRoot);
    }
}
