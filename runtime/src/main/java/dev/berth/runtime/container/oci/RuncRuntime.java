package dev.berth.runtime.container.oci;

import java.nio.file.Path;

/** runc, the reference OCI runtime; works with cgroup v1, v2 and hybrid hosts. */
public final class RuncRuntime extends CliOciRuntime {
    public static final String NAME = "runc";

    public RuncRuntime(Path binary, Path execRoot) {
        super(NAME, binary, execRoot);
    }

    /** runc found on the PATH (or /usr/bin/runc when it is not). */
    public static RuncRuntime onPath(Path execRoot) {
        return new RuncRuntime(Executables.find(NAME), execRoot);
    }
}
