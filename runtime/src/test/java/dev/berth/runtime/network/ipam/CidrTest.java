package dev.berth.runtime.network.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void parsesAndComputes() {
        Cidr c = Cidr.parse("172.30.0.0/16");
        assertEquals(65536, c.size());
        assertEquals("172.30.255.255", c.last().toString());
        assertEquals("172.30.0.1", c.firstHost().toString());
        assertTrue(c.contains(Ipv4.parse("172.30.9.9")));
        assertFalse(c.contains(Ipv4.parse("172.31.0.0")));
        assertTrue(c.overlaps(Cidr.parse("172.30.5.0/24")));
        assertTrue(c.encloses(Cidr.parse("172.30.5.0/24")));
        assertFalse(Cidr.parse("172.30.5.0/24").encloses(c));
        assertFalse(c.overlaps(Cidr.parse("172.31.0.0/16")));
    }

    @Test
    void rejectsBadInput() {
        for (String bad : List.of("10.0.0.1/24", "10.0.0.0", "10.0.0.0/33", "10.0.0/8", "1.2.3.256/32", "a.b.c.d/8",
                "10.0.0.0/x")) {
            assertThrows(InvalidArgumentException.class, () -> Cidr.parse(bad), bad);
        }
    }

    @Test
    void ipv4RoundTripsAndOrdersUnsigned() {
        assertEquals("255.255.255.255", Ipv4.parse("255.255.255.255").toString());
        assertTrue(Ipv4.parse("200.0.0.1").compareTo(Ipv4.parse("10.0.0.1")) > 0);
        assertTrue(Ipv4.parse("127.0.0.53").isLoopback());
    }

    @Test
    void subnetPickerSkipsTakenRanges() {
        SubnetPicker picker = new SubnetPicker(List.of(new SubnetPicker.Pool(Cidr.parse("172.31.0.0/22"), 24)));
        assertEquals("172.31.0.0/24", picker.pick(List.of()).toString());
        assertEquals("172.31.2.0/24", picker.pick(List.of(Cidr.parse("172.31.0.0/23"))).toString());
        // A host route covering the whole pool (a VPN, another engine) exhausts it.
        assertThrows(ConflictException.class, () -> picker.pick(List.of(Cidr.parse("172.16.0.0/12"))));
    }
}
