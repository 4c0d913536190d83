package dev.berth.runtime.container.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import org.junit.jupiter.api.Test;

/** --log-opt max-size / max-file as docker reads them. */
class LogOptionsTest {
    private static HostConfig host(String type, String maxSize, String maxFile) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        ObjectNode log = h.putObject("LogConfig");
        log.put("Type", type);
        ObjectNode config = log.putObject("Config");
        if (maxSize != null) {
            config.put("max-size", maxSize);
        }
        if (maxFile != null) {
            config.put("max-file", maxFile);
        }
        return new HostConfig(h);
    }

    @Test
    void maxSizeUsesDecimalUnitsLikeDockersJsonFile() {
        assertEquals(10_000, host("", "10k", null).logMaxSize());
        assertEquals(10_000, host("json-file", "10KiB", null).logMaxSize());
        assertEquals(1_500_000, host("", "1.5m", null).logMaxSize());
        assertEquals(512, host("", "512", null).logMaxSize());
        assertEquals(0, host("", null, null).logMaxSize(), "unlimited by default");
        assertThrows(InvalidArgumentException.class, () -> host("", "lots", null).logMaxSize());
    }

    @Test
    void maxFileDefaultsToOneAndMustBePositive() {
        assertEquals(1, host("", "10k", null).logMaxFiles());
        assertEquals(3, host("", "10k", "3").logMaxFiles());
        assertEquals("max-file cannot be less than 1",
                assertThrows(InvalidArgumentException.class, () -> host("", "10k", "0").logMaxFiles()).getMessage());
        assertThrows(InvalidArgumentException.class, () -> host("", "10k", "three").logMaxFiles());
    }

    @Test
    void theLocalDriverRotatesByDefault() {
        assertEquals(20_000_000, host("local", null, null).logMaxSize());
        assertEquals(5, host("local", null, null).logMaxFiles());
        assertEquals(2, host("local", "1m", "2").logMaxFiles());
    }
}
