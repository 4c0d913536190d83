package dev.berth.runtime.network.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A DNS message (RFC 1035 §4): header, questions and answers. Decoding follows compression pointers; encoding
 * writes names uncompressed, which every resolver accepts. Authority and additional records of a query (EDNS OPT)
 * are read past and not kept: our answers are small enough never to need them.
 */
public record DnsMessage(int id, int flags, List<Question> questions, List<ResourceRecord> answers) {
    public static final int TYPE_A = 1;
    public static final int TYPE_PTR = 12;
    public static final int TYPE_AAAA = 28;
    public static final int CLASS_IN = 1;
    public static final int RCODE_NOERROR = 0;
    public static final int RCODE_SERVFAIL = 2;
    public static final int RCODE_NXDOMAIN = 3;
    public static final int RCODE_REFUSED = 5;
    private static final int FLAG_QR = 0x8000;
    private static final int FLAG_AA = 0x0400;
    private static final int FLAG_TC = 0x0200;
    private static final int FLAG_RD = 0x0100;
    private static final int FLAG_RA = 0x0080;

    public DnsMessage {
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
    }

    /** One question: a name (lower-case, no trailing dot), a type and a class. */
    public record Question(String name, int type, int qclass) {}

    /** One resource record with its raw RDATA. */
    public record ResourceRecord(String name, int type, int rclass, long ttl, byte[] data) {
        /** An A record. */
        public static ResourceRecord a(String name, byte[] ipv4, long ttl) {
            return new ResourceRecord(name, TYPE_A, CLASS_IN, ttl, ipv4.clone());
        }

        /** A PTR record pointing at {@code target}. */
        public static ResourceRecord ptr(String name, String target, long ttl) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeName(out, target);
            return new ResourceRecord(name, TYPE_PTR, CLASS_IN, ttl, out.toByteArray());
        }
    }

    public boolean isResponse() {
        return (flags & FLAG_QR) != 0;
    }

    public boolean truncated() {
        return (flags & FLAG_TC) != 0;
    }

    public int rcode() {
        return flags & 0xf;
    }

    public int opcode() {
        return (flags >> 11) & 0xf;
    }

    /** A response to this query with the given code and answers; authoritative when it comes from our own records. */
    public DnsMessage reply(int rcode, List<ResourceRecord> answerRecords, boolean authoritative) {
        int f = FLAG_QR | FLAG_RA | (flags & FLAG_RD) | (opcode() << 11) | (rcode & 0xf)
                | (authoritative ? FLAG_AA : 0);
        return new DnsMessage(id, f, questions, answerRecords);
    }

    /** A query with recursion desired. */
    public static DnsMessage query(int id, String name, int type) {
        return new DnsMessage(id, FLAG_RD, List.of(new Question(normalize(name), type, CLASS_IN)), List.of());
    }

    /** Lower-case without trailing dot: the form names are compared in. */
    public static String normalize(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        writeShort(out, id);
        writeShort(out, flags);
        writeShort(out, questions.size());
        writeShort(out, answers.size());
        writeShort(out, 0);
        writeShort(out, 0);
        for (Question q : questions) {
            writeName(out, q.name());
            writeShort(out, q.type());
            writeShort(out, q.qclass());
        }
        for (ResourceRecord r : answers) {
            writeName(out, r.name());
            writeShort(out, r.type());
            writeShort(out, r.rclass());
            writeShort(out, (int) (r.ttl() >>> 16));
            writeShort(out, (int) r.ttl());
            writeShort(out, r.data().length);
            out.writeBytes(r.data());
        }
        return out.toByteArray();
    }

    /** Decodes a message; malformed input is a {@link DnsFormatException}. */
    public static DnsMessage decode(byte[] bytes) {
        Reader in = new Reader(bytes);
        int id = in.u16();
        int flags = in.u16();
        int qd = in.u16();
        int an = in.u16();
        in.u16();
        in.u16();
        List<Question> qs = new ArrayList<>();
        for (int i = 0; i < qd; i++) {
            qs.add(new Question(in.name(), in.u16(), in.u16()));
        }
        List<ResourceRecord> as = new ArrayList<>();
        for (int i = 0; i < an; i++) {
            String name = in.name();
            int type = in.u16();
            int cls = in.u16();
            long ttl = ((long) in.u16() << 16) | in.u16();
            int len = in.u16();
            as.add(new ResourceRecord(name, type, cls, ttl, in.bytes(len)));
        }
        return new DnsMessage(id, flags, qs, as);
    }

    /** Reads a domain name out of RDATA (e.g. a PTR target) that carries no compression pointers. */
    public static String nameFromData(byte[] data) {
        return new Reader(data).name();
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xff);
        out.write(v & 0xff);
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        String n = normalize(name);
        if (!n.isEmpty()) {
            for (String label : n.split("\\.")) {
                byte[] b = label.getBytes(StandardCharsets.US_ASCII);
                if (b.length == 0 || b.length > 63) {
                    throw new DnsFormatException("bad label in name " + name);
                }
                out.write(b.length);
                out.writeBytes(b);
            }
        }
        out.write(0);
    }

    /** Bounds-checked big-endian reader with name decompression. */
    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        int u8() {
            if (pos >= b.length) {
                throw new DnsFormatException("message truncated at byte " + pos);
            }
            return b[pos++] & 0xff;
        }

        int u16() {
            return (u8() << 8) | u8();
        }

        byte[] bytes(int len) {
            if (pos + len > b.length) {
                throw new DnsFormatException("record data runs past the end of the message");
            }
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + len);
            pos += len;
            return out;
        }

        String name() {
            StringBuilder sb = new StringBuilder();
            int p = pos;
            boolean jumped = false;
            int hops = 0;
            while (true) {
                if (p >= b.length) {
                    throw new DnsFormatException("name runs past the end of the message");
                }
                int len = b[p] & 0xff;
                if ((len & 0xc0) == 0xc0) {
                    if (p + 1 >= b.length || ++hops > 32) {
                        throw new DnsFormatException("bad compression pointer");
                    }
                    int target = ((len & 0x3f) << 8) | (b[p + 1] & 0xff);
                    if (!jumped) {
                        pos = p + 2;
                    }
                    jumped = true;
                    p = target;
                    continue;
                }
                if ((len & 0xc0) != 0) {
                    throw new DnsFormatException("unsupported label type");
                }
                p++;
                if (len == 0) {
                    break;
                }
                if (p + len > b.length) {
                    throw new DnsFormatException("label runs past the end of the message");
                }
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(new String(b, p, len, StandardCharsets.US_ASCII));
                p += len;
            }
            if (!jumped) {
                pos = p;
            }
            return normalize(sb.toString());
        }
    }
}
