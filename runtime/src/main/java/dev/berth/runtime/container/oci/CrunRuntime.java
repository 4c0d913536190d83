package dev.berth.runtime.container.oci;

import java.nio.file.Path;

/** crun, the small C runtime; same CLI as runc, but it refuses hosts with cgroups in hybrid mode. */
public final class CrunRuntime extends CliOciRuntime {
    public static final String NAME = "crun";

    public CrunRuntime(Path binary, Path execRoot) {
        super(NAME, binary, execRoot);
    }

    /** crun found on the PATH (or /usr/bin/crun when it is not). */
    public static CrunRuntime onPath(Path execRoot) {
        return new CrunRuntime(Executables.find(NAME), execRoot);
    }
}
