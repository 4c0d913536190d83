package dev.berth.app.it;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine conformance suite against the reference dockerd (Debian's docker.io). */
class DockerdConformanceIT extends EngineConformance {
    @RegisterExtension
    @Order(2)
    static Dockerd dockerd = new Dockerd();

    @Override
    Engine connect() {
        return new DockerJavaEngine(dockerd.uri());
    }

    @Override
    String engineLog() {
        return dockerd.log();
    }

    /** dockerd 20.10 reads cgroup v1 files this host's hybrid cgroups leave empty: its stats are all zeros here. */
    @Override
    boolean statsCarryMemory() {
        return false;
    }

    @Override
    String prefix() {
        return "dockerd";
    }
}
