package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension runs one registry for the whole class and exposes the server's accessors. */
class RegistryExtensionIT {

    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.basic("carol", "pw");

    @Test
    void registryRunsWithTheGivenCredentials() {
        assertEquals("carol", registry.user());
        assertEquals("pw", registry.password());
        assertEquals("localhost:" + registry.port(), registry.host());
        assertEquals(200, registry.client().get("/v2/").status());
        assertTrue(Files.isDirectory(registry.storageDir().getParent()));
    }
}
