package dev.berth.app.it;

import dev.berth.testkit.BerthdExtension;
import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine conformance suite against berthd. */
class BerthdConformanceIT extends EngineConformance {
    @RegisterExtension
    @Order(2)
    static BerthdExtension berthd = BerthdExtension.fromCheckout();

    @Override
    Engine connect() {
        return new DockerJavaEngine(berthd.dockerHost());
    }

    @Override
    String engineLog() {
        return berthd.log();
    }

    @Override
    String prefix() {
        return "berthd";
    }
}
