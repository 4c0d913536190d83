package dev.berth.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.RunSpec;
import dev.berth.app.support.I18n;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RunInputsTest {
    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void portsAreReadAsDockerReadsThem() {
        assertEquals(new RunSpec.PublishedPort("", 8080, 80, "tcp"), RunInputs.port("8080:80"));
        assertEquals(new RunSpec.PublishedPort("", 0, 80, "tcp"), RunInputs.port("80"));
        assertEquals(new RunSpec.PublishedPort("", 0, 80, "tcp"), RunInputs.port(":80"));
        assertEquals(new RunSpec.PublishedPort("", 5353, 53, "udp"), RunInputs.port("5353:53/udp"));
        assertEquals(new RunSpec.PublishedPort("127.0.0.1", 8080, 80, "tcp"), RunInputs.port("127.0.0.1:8080:80"));
        assertEquals(new RunSpec.PublishedPort("127.0.0.1", 0, 80, "tcp"), RunInputs.port("127.0.0.1::80"));
        assertEquals(new RunSpec.PublishedPort("::1", 8080, 80, "tcp"), RunInputs.port("[::1]:8080:80"));
    }

    @Test
    void badPortsGetASentenceNotAnException() {
        var e = assertThrows(IllegalArgumentException.class, () -> RunInputs.port("80:abc"));
        assertTrue(e.getMessage().startsWith("'80:abc' is not a port mapping"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunInputs.port("70000:80"));
        assertEquals("Port 70000 in '70000:80' is out of range: ports go from 1 to 65535.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunInputs.port("0:80"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.port("99999999999:80"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.port("8080:80/icmp"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.port("127.0.0.1:80"));
    }

    @Test
    void environmentNeedsNameEqualsValue() {
        assertEquals("A=b=c", RunInputs.env("A=b=c"));
        assertEquals("EMPTY=", RunInputs.env("EMPTY="));
        assertEquals("GREETING= hi there", RunInputs.env("GREETING= hi there"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.env("NOVALUE"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.env("=x"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.env("1BAD=x"));
    }

    @Test
    void volumesAreNamesOrAbsolutePaths() {
        assertEquals(new RunSpec.Mount("data", "/data", false), RunInputs.mount("data:/data"));
        assertEquals(new RunSpec.Mount("/srv/site", "/site", true), RunInputs.mount("/srv/site:/site:ro"));
        assertTrue(RunInputs.mount("/srv:/srv:rw").isBind());
        assertFalse(RunInputs.mount("/srv:/srv:rw").readOnly());
        assertThrows(IllegalArgumentException.class, () -> RunInputs.mount("data"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.mount("data:relative"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.mount("data:/d:rx"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.mount("bad name:/d"));
    }

    @Test
    void commandsSplitLikeAShell() {
        assertEquals(List.of(), RunInputs.command("  "));
        assertEquals(List.of("sh", "-c", "echo 'hi' && sleep 5"), RunInputs.command("sh -c \"echo 'hi' && sleep 5\""));
        assertEquals(List.of("echo", "a b", "c\"d", ""), RunInputs.command("echo 'a b' c\\\"d ''"));
        var e = assertThrows(IllegalArgumentException.class, () -> RunInputs.command("echo 'oops"));
        assertEquals("The command has an unclosed ' quote.", e.getMessage());
    }

    @Test
    void namesFollowDockersRule() {
        assertEquals("", RunInputs.name("  "));
        assertEquals("web-1", RunInputs.name("web-1"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.name("-web"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.name("w"));
        assertThrows(IllegalArgumentException.class, () -> RunInputs.name("my web"));
    }
}
