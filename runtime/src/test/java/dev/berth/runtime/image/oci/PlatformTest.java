package dev.berth.runtime.image.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class PlatformTest {
    @Test
    void platformsMatchIgnoringArm64V8() {
        Platform wanted = Platform.parse("linux/arm64");
        assertEquals("arm64", wanted.architecture());
        org.junit.jupiter.api.Assertions.assertTrue(wanted.matches(new Platform("arm64", "linux", null, null, "v8")));
        assertFalse(Platform.parse("linux/arm/v7").matches(new Platform("arm", "linux", null, null, "v6")));
    }
}
