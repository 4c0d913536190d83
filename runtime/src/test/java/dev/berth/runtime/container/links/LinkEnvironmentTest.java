package dev.berth.runtime.container.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.RunState;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkEnvironmentTest {
    private static Container db() {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.putArray("Env").add("PATH=/usr/bin").add("HOME=/root").add("POSTGRES_DB=app").add("EMPTY=");
        config.putObject("ExposedPorts");
        ((ObjectNode) config.get("ExposedPorts")).putObject("5432/tcp");
        ((ObjectNode) config.get("ExposedPorts")).putObject("53/udp");
        return new Container("a".repeat(64), "db", "2026-12-07T00:00:00Z", "postgres",
                Digest.sha256("x".getBytes(StandardCharsets.UTF_8)), config, JsonNodeFactory.instance.objectNode(),
                RunState.created(), "postgres", List.of(), List.of(), 0, false, JsonNodeFactory.instance.objectNode(),
                null);
    }

    @Test
    void variablesAsDockerdNamesThem() {
        assertEquals(List.of(
                "MY_DB_PORT=udp://172.17.0.3:53",
                "MY_DB_PORT_53_UDP=udp://172.17.0.3:53",
                "MY_DB_PORT_53_UDP_ADDR=172.17.0.3",
                "MY_DB_PORT_53_UDP_PORT=53",
                "MY_DB_PORT_53_UDP_PROTO=udp",
                "MY_DB_PORT_5432_TCP=tcp://172.17.0.3:5432",
                "MY_DB_PORT_5432_TCP_ADDR=172.17.0.3",
                "MY_DB_PORT_5432_TCP_PORT=5432",
                "MY_DB_PORT_5432_TCP_PROTO=tcp",
                "MY_DB_NAME=/web/my-db",
                "MY_DB_ENV_POSTGRES_DB=app",
                "MY_DB_ENV_EMPTY="), LinkEnvironment.of("web", new LegacyLink("db", "my-db"), db(), "172.17.0.3"));
    }

    @Test
    void linksAreReadInEveryFormClientsAndInspectUse() {
        assertEquals(new LegacyLink("db", "db"), LegacyLink.parse("db"));
        assertEquals(new LegacyLink("db", "database"), LegacyLink.parse("db:database"));
        assertEquals(new LegacyLink("db", "database"), LegacyLink.parse("/db:/web/database"));
        for (String bad : List.of("", ":x", "a:b:c", "db:bad alias", "../x:y")) {
            assertThrows(InvalidArgumentException.class, () -> LegacyLink.parse(bad), bad);
        }
    }
}
