package dev.berth.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigChangesTest {
    private static ObjectNode config() throws Exception {
        return (ObjectNode) Json.MAPPER.readTree("""
                {"Env":["PATH=/bin","A=1"],"Cmd":["sh"],"WorkingDir":"/opt"}""");
    }

    @Test
    void cmdJsonAndShellForms() throws Exception {
        ObjectNode c = config();
        ConfigChanges.apply(c, List.of("CMD [\"echo\",\"committed\"]"));
        assertEquals("[\"echo\",\"committed\"]", c.get("Cmd").toString());
        ConfigChanges.apply(c, List.of("cmd echo hi there"));
        assertEquals("[\"/bin/sh\",\"-c\",\"echo hi there\"]", c.get("Cmd").toString());
    }

    @Test
    void entrypointDropsAnInheritedCmdButNotOneSetAlongside() throws Exception {
        ObjectNode c = config();
        ConfigChanges.apply(c, List.of("ENTRYPOINT [\"/bin/x\"]"));
        assertTrue(c.get("Cmd").isNull());
        ObjectNode d = config();
        ConfigChanges.apply(d, List.of("CMD [\"a\"]", "ENTRYPOINT [\"/bin/x\"]"));
        assertEquals("[\"a\"]", d.get("Cmd").toString());
    }

    @Test
    void envLabelExposeVolumeUserWorkdir() throws Exception {
        ObjectNode c = config();
        ConfigChanges.apply(c, List.of("ENV A=2 B=\"two words\"", "ENV C legacy form", "LABEL x=y", "EXPOSE 80 53/udp",
                "VOLUME [\"/v1\"]", "VOLUME /v2 /v3", "USER nobody", "WORKDIR sub", "STOPSIGNAL SIGINT"));
        assertEquals("[\"PATH=/bin\",\"A=2\",\"B=two words\",\"C=legacy form\"]", c.get("Env").toString());
        assertEquals("y", c.at("/Labels/x").asText());
        assertTrue(c.get("ExposedPorts").has("80/tcp") && c.get("ExposedPorts").has("53/udp"));
        assertTrue(c.get("Volumes").has("/v1") && c.get("Volumes").has("/v2") && c.get("Volumes").has("/v3"));
        assertEquals("nobody", c.get("User").asText());
        assertEquals("/opt/sub", c.get("WorkingDir").asText());
        assertEquals("SIGINT", c.get("StopSignal").asText());
    }

    @Test
    void unsupportedInstructionsAreRefused() throws Exception {
        assertThrows(InvalidArgumentException.class, () -> ConfigChanges.apply(config(), List.of("RUN rm -rf /")));
        assertThrows(InvalidArgumentException.class, () -> ConfigChanges.apply(config(), List.of("ENV")));
    }
}
