package dev.berth.runtime.container.oci;

import java.nio.file.Path;

/** runc passes the OCI runtime conformance suite. */
class RuncConformanceIT extends OciRuntimeConformance {
    @Override
    protected OciRuntime runtime(Path execRoot) {
        return RuncRuntime.onPath(execRoot);
    }
}
