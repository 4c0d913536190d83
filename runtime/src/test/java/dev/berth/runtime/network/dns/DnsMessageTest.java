package dev.berth.runtime.network.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsMessageTest {
    @Test
    void queryRoundTrips() {
        DnsMessage q = DnsMessage.query(0x1234, "Web.Example.", DnsMessage.TYPE_A);
        DnsMessage back = DnsMessage.decode(q.encode());
        assertEquals(0x1234, back.id());
        assertEquals(new DnsMessage.Question("web.example", DnsMessage.TYPE_A, DnsMessage.CLASS_IN),
                back.questions().getFirst());
    }

    @Test
    void encodesTheWireFormatOfRfc1035() {
        byte[] wire = DnsMessage.query(1, "a.b", DnsMessage.TYPE_A).encode();
        assertEquals("00010100000100000000000001610162000001" + "0001", HexFormat.of().formatHex(wire));
    }

    @Test
    void decodesCompressedAnswers() {
        // Reply to "a.b A": answer name is a pointer (0xc00c) to the question's name.
        byte[] wire = HexFormat.of().parseHex("00018180000100010000000001610162000001000"
                + "1c00c000100010000003c00040a000005");
        DnsMessage m = DnsMessage.decode(wire);
        assertTrue(m.isResponse());
        assertEquals(0, m.rcode());
        DnsMessage.ResourceRecord a = m.answers().getFirst();
        assertEquals("a.b", a.name());
        assertEquals(60, a.ttl());
        assertArrayEquals(new byte[]{10, 0, 0, 5}, a.data());
    }

    @Test
    void replyKeepsIdQuestionAndRecursionFlag() {
        DnsMessage q = DnsMessage.query(77, "x", DnsMessage.TYPE_A);
        DnsMessage r = DnsMessage.decode(q.reply(DnsMessage.RCODE_NXDOMAIN, List.of(), true).encode());
        assertEquals(77, r.id());
        assertTrue(r.isResponse());
        assertEquals(DnsMessage.RCODE_NXDOMAIN, r.rcode());
        assertEquals(0x0100, r.flags() & 0x0100);
        assertEquals(0x0400, r.flags() & 0x0400);
    }

    @Test
    void ptrRecordCarriesAName() {
        DnsMessage.ResourceRecord ptr = DnsMessage.ResourceRecord.ptr("5.0.0.10.in-addr.arpa", "web", 600);
        assertEquals("web", DnsMessage.nameFromData(ptr.data()));
    }

    @Test
    void malformedInputIsRejected() {
        assertThrows(DnsFormatException.class, () -> DnsMessage.decode(new byte[]{0, 1, 0}));
        // A pointer loop must not spin forever.
        byte[] loop = HexFormat.of().parseHex("000101000001000000000000c00c00010001");
        assertThrows(DnsFormatException.class, () -> DnsMessage.decode(loop));
        byte[] longLabel = HexFormat.of().parseHex("00010100000100000000000005616263");
        assertThrows(DnsFormatException.class, () -> DnsMessage.decode(longLabel));
    }
}
