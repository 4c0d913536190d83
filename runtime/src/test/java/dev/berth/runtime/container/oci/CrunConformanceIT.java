package dev.berth.runtime.container.oci;

import java.nio.file.Path;

/** crun passes the OCI runtime conformance suite, where it can run at all (not on hybrid-cgroup hosts). */
class CrunConformanceIT extends OciRuntimeConformance {
    @Override
    protected OciRuntime runtime(Path execRoot) {
        return CrunRuntime.onPath(execRoot);
    }
}
