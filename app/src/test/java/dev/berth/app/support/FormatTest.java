package dev.berth.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void sizesInDecimalUnits() {
        assertEquals("999 B", Format.bytes(999));
        assertEquals("1.98 MB", Format.bytes(1_980_000));
        assertEquals("123 MB", Format.bytes(123_456_789));
    }

    @Test
    void memoryInBinaryUnitsAsDockerStatsPrintsIt() {
        assertEquals("1023 B", Format.memory(1023));
        assertEquals("1.00 KiB", Format.memory(1024));
        assertEquals("1.50 MiB", Format.memory(3 * 512 * 1024));
        assertEquals("512 MiB", Format.memory(512L << 20));
        assertEquals("1.94 GiB", Format.memory(2_083_000_000L));
    }

    @Test
    void agesInBothLanguages() {
        Instant now = Instant.parse("2026-01-10T00:00:00Z");
        I18n.setLocale(Locale.ENGLISH);
        assertEquals("1 minute ago", Format.age(now.minusSeconds(61), now));
        assertEquals("3 days ago", Format.age(now.minusSeconds(3 * 86400), now));
        I18n.setLocale(Locale.KOREAN);
        assertEquals("3일 전", Format.age(now.minusSeconds(3 * 86400), now));
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void koreanBundleTranslatesEveryEnglishKey() throws Exception {
        var en = load("messages.properties");
        var ko = load("messages_ko.properties");
        for (String key : en.stringPropertyNames()) {
            assertEquals(true, ko.containsKey(key), "missing Korean text for " + key);
        }
    }

    private static java.util.Properties load(String name) throws java.io.IOException {
        var p = new java.util.Properties();
        try (var in = FormatTest.class.getResourceAsStream("/dev/berth/app/" + name);
                var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    @Test
    void shortIds() {
        assertEquals("b6f391b60af2",
                Format.shortId("sha256:b6f391b60af2a17561dc65d88e3584cfc947d385b0962c82bfa6ed4510992bfa"));
    }
}
