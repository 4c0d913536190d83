package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class InsecureRegistriesTest {

    @Test
    void loopbackLiteralsAndLocalhost() {
        assertTrue(InsecureRegistries.isLoopback("localhost:5000"));
        assertTrue(InsecureRegistries.isLoopback("localhost"));
        assertTrue(InsecureRegistries.isLoopback("127.0.0.1:5000"));
        assertTrue(InsecureRegistries.isLoopback("127.1.2.3"));
        assertTrue(InsecureRegistries.isLoopback("[::1]:5000"));
        assertFalse(InsecureRegistries.isLoopback("10.0.0.1:5000"));
        assertFalse(InsecureRegistries.isLoopback("registry.example.com"));
        assertFalse(InsecureRegistries.isLoopback("[::2]:5000"));
    }

    @Test
    void configuredHostsAndRanges() {
        InsecureRegistries insecure = new InsecureRegistries(
                Set.of("myreg.lan:5000", "http://other.lan", "10.1.0.0/16"));
        assertTrue(insecure.isInsecure("myreg.lan:5000"));
        assertFalse(insecure.isInsecure("myreg.lan:5001"));
        assertTrue(insecure.isInsecure("other.lan"));
        assertTrue(insecure.isInsecure("other.lan:443"));
        assertTrue(insecure.isInsecure("10.1.200.3:5000"));
        assertFalse(insecure.isInsecure("10.2.0.1:5000"));
        assertFalse(new InsecureRegistries(Set.of()).isInsecure("10.1.200.3"));
    }

    @Test
    void splitsPorts() {
        assertEquals("::1", InsecureRegistries.hostWithoutPort("[::1]:5000"));
        assertEquals("host", InsecureRegistries.hostWithoutPort("host:1"));
        assertEquals("fe80::1", InsecureRegistries.hostWithoutPort("fe80::1"));
    }
}
