package dev.berth.app.it;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine conformance suite against berthd. */
class BerthdConformanceIT extends EngineConformance {
    @RegisterExtension
    @Order(2)
    static BerthdEngine berthd = new BerthdEngine();

    @Override
    Engine connect() {
        return new DockerJavaEngine(berthd.uri());
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
