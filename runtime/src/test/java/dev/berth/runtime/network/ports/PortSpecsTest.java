package dev.berth.runtime.network.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortSpecsTest {
    @Test
    void cliForms() {
        assertEquals(new PortBinding(null, null, 80, "tcp"), PortSpecs.parse("80"));
        assertEquals(new PortBinding(null, 8080, 80, "tcp"), PortSpecs.parse("8080:80"));
        assertEquals(new PortBinding(null, 5353, 53, "udp"), PortSpecs.parse("5353:53/udp"));
        assertEquals(new PortBinding("127.0.0.1", 8080, 80, "tcp"), PortSpecs.parse("127.0.0.1:8080:80"));
        assertEquals(new PortBinding("127.0.0.1", null, 80, "tcp"), PortSpecs.parse("127.0.0.1::80/TCP"));
        assertEquals("80/udp", PortSpecs.parse("80/udp").portKey());
    }

    @Test
    void apiFormsWithEmptyHostPortMeaningEphemeral() {
        assertEquals(new PortBinding(null, null, 8080, "tcp"), PortSpecs.fromApi("8080/tcp", "", ""));
        assertEquals(new PortBinding(null, null, 8080, "tcp"), PortSpecs.fromApi("8080/tcp", null, null));
        assertEquals(new PortBinding("0.0.0.0", 0, 8080, "tcp"), PortSpecs.fromApi("8080/tcp", "0.0.0.0", "0"));
        assertEquals(new PortBinding("127.0.0.1", 9000, 53, "udp"), PortSpecs.fromApi("53/udp", "127.0.0.1", "9000"));
        assertEquals(new PortBinding(null, null, 80, "tcp"), PortSpecs.fromApi("80", "", ""));
        assertEquals(List.of(new PortBinding(null, null, 80, "tcp"), new PortBinding(null, null, 53, "udp")),
                PortSpecs.publishAll(List.of("80/tcp", "53/udp")));
    }

    @Test
    void badSpecsAreClearErrors() {
        for (String bad : List.of("", "0", "70000", "a:80", "80:b", "1.2.3:80:80", "80/sctp", "80/icmp", "1:2:3:4",
                "8000-8010:80", "[::1]:80:80", "99999:80")) {
            assertThrows(InvalidArgumentException.class, () -> PortSpecs.parse(bad), bad);
        }
        assertThrows(InvalidArgumentException.class, () -> PortSpecs.fromApi("80/tcp", "localhost", "1"));
    }
}
