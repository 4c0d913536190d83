package dev.berth.runtime.build.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataParsingTest {

    @Test
    void exposedPorts() {
        assertEquals(List.of("80/tcp"), MetadataSteps.ports("80"));
        assertEquals(List.of("53/udp"), MetadataSteps.ports("53/UDP"));
        assertEquals(List.of("8000/tcp", "8001/tcp", "8002/tcp"), MetadataSteps.ports("8000-8002"));
        assertThrows(InvalidArgumentException.class, () -> MetadataSteps.ports("0"));
        assertThrows(InvalidArgumentException.class, () -> MetadataSteps.ports("70000"));
        assertThrows(InvalidArgumentException.class, () -> MetadataSteps.ports("9-1"));
        assertThrows(InvalidArgumentException.class, () -> MetadataSteps.ports("127.0.0.1:80:80"));
    }

    @Test
    void signals() {
        MetadataSteps.checkSignal("SIGTERM");
        MetadataSteps.checkSignal("int");
        MetadataSteps.checkSignal("9");
        MetadataSteps.checkSignal("SIGRTMIN+3");
        assertThrows(InvalidArgumentException.class, () -> MetadataSteps.checkSignal("SIGNOPE"));
        assertThrows(InvalidArgumentException.class, () -> MetadataSteps.checkSignal("99"));
    }

    @Test
    void goDurationsAndQuoting() {
        assertEquals(90_000_000_000L, GoFormat.durationNanos("1m30s", "x"));
        assertEquals(1_500_000L, GoFormat.durationNanos("1.5ms", "x"));
        assertEquals(0, GoFormat.durationNanos("0", "x"));
        assertThrows(InvalidArgumentException.class, () -> GoFormat.durationNanos("5", "x"));
        assertThrows(InvalidArgumentException.class, () -> GoFormat.durationNanos("5sx", "x"));
        assertEquals("[\"sh\" \"-c\" \"echo \\\"hi\\\"\"]", GoFormat.quoted(List.of("sh", "-c", "echo \"hi\"")));
    }

    @Test
    void runMounts() {
        RunMount cache = RunMount.parse("type=cache,target=/root/.cache,id=pip,sharing=locked,mode=0700,uid=10");
        assertEquals("cache", cache.type());
        assertEquals("/root/.cache", cache.target());
        assertEquals(0700, cache.number("mode", 0755, 8));
        assertEquals(10, cache.number("uid", 0, 10));
        RunMount bind = RunMount.parse("target=/src,source=app,from=build");
        assertEquals("bind", bind.type());
        assertEquals(true, bind.readOnly());
        assertEquals("build", bind.from());
        assertEquals(false, RunMount.parse("type=bind,target=/x,rw").readOnly());
        assertThrows(InvalidArgumentException.class, () -> RunMount.parse("type=secret,id=token"));
        assertThrows(InvalidArgumentException.class, () -> RunMount.parse("type=cache"));
        assertThrows(InvalidArgumentException.class, () -> RunMount.parse("type=cache,target=/x,sharing=some"));
    }
}
