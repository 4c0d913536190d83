package dev.berth.app.it;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine conformance suite against podman's Docker-compatible API. */
class PodmanConformanceIT extends EngineConformance {
    @RegisterExtension
    @Order(2)
    static Podman podman = new Podman(registry::host);

    @Override
    Engine connect() {
        return new DockerJavaEngine(podman.uri());
    }

    @Override
    String engineLog() {
        return podman.log();
    }

    /** podman answers a plain remove of a running container with 500 ("container state improper"), not 409. */
    @Override
    int runningRemovalStatus() {
        return 500;
    }

    /** podman's compat events call the end of a container {@code remove}, not Docker's {@code destroy}. */
    @Override
    String removalEvent() {
        return "remove";
    }

    @Override
    String prefix() {
        return "podman";
    }
}
