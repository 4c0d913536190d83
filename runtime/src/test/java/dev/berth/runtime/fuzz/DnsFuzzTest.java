package dev.berth.runtime.fuzz;

import dev.berth.runtime.network.dns.DnsFormatException;
import dev.berth.runtime.network.dns.DnsMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The embedded DNS server's packet parser: every container can send it anything. */
class DnsFuzzTest {
    @Provide
    Arbitrary<byte[]> packets() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        // Real queries, then cut, flipped and with a compression pointer aimed anywhere.
        Arbitrary<byte[]> mutated = net.jqwik.api.Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').withChars('.', '-').ofMinLength(1).ofMaxLength(60)
                        .filter(n -> !n.contains("..") && !n.startsWith(".") && !n.endsWith(".")),
                Arbitraries.of(DnsMessage.TYPE_A, DnsMessage.TYPE_AAAA, DnsMessage.TYPE_PTR, 255),
                Arbitraries.integers().between(0, 80), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 90)).as((name, type, at, value, cut) -> {
                    byte[] q = DnsMessage.query(7, name, type).encode();
                    if (at < q.length) {
                        q[at] = (byte) value.intValue();
                    }
                    return java.util.Arrays.copyOf(q, Math.min(q.length, Math.max(0, q.length - cut / 10)));
                });
        return Arbitraries.oneOf(noise, mutated);
    }

    @Property(seed = Fuzzing.SEED)
    void aPacketDecodesOrIsAFormatError(@ForAll("packets") byte[] packet) {
        try {
            DnsMessage.decode(packet);
        } catch (DnsFormatException refused) {
            // the server answers FORMERR
        }
    }
}
