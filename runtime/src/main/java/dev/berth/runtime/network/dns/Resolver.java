package dev.berth.runtime.network.dns;

import dev.berth.runtime.network.dns.DnsMessage.ResourceRecord;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers one query: names of the networks the asking container is on (the network the query arrived on first, then
 * the others it was connected to, as Docker resolves after {@code network connect}), everything else by forwarding the raw
 * query to upstream resolvers (the client's {@code --dns}, else the host's {@code /etc/resolv.conf}), unless the
 * network is internal, where outside names do not resolve (as with Docker).
 */
public final class Resolver {
    private static final long TTL = 600;

    private final NameTable names;
    private final Function<String, List<NameTable>> scope;
    private final boolean forward;
    private final Supplier<List<String>> hostUpstreams;
    private final Upstream upstream;

    public Resolver(NameTable names, boolean forward, Supplier<List<String>> hostUpstreams, Upstream upstream) {
        this(names, clientIp -> List.of(names), forward, hostUpstreams, upstream);
    }

    /** @param scope the tables that answer for a client address: its own network's first, then its other networks' */
    public Resolver(NameTable names, Function<String, List<NameTable>> scope, boolean forward,
            Supplier<List<String>> hostUpstreams, Upstream upstream) {
        this.names = names;
        this.scope = scope;
        this.forward = forward;
        this.hostUpstreams = hostUpstreams;
        this.upstream = upstream;
    }

    /** The raw reply to a raw query from {@code clientIp}, or null to stay silent (not a query). */
    public byte[] answer(byte[] raw, String clientIp, boolean tcp) {
        DnsMessage q;
        try {
            q = DnsMessage.decode(raw);
        } catch (DnsFormatException e) {
            return null;
        }
        if (q.isResponse() || q.questions().size() != 1) {
            return q.isResponse() ? null : q.reply(1, List.of(), false).encode();
        }
        DnsMessage.Question question = q.questions().getFirst();
        DnsMessage local = local(q, question, names.linked(clientIp, question.name()), scope.apply(clientIp));
        if (local != null) {
            return local.encode();
        }
        if (!forward) {
            return q.reply(DnsMessage.RCODE_SERVFAIL, List.of(), false).encode();
        }
        List<String> servers = names.upstreamsFor(clientIp);
        byte[] reply = upstream.exchange(raw, servers != null ? servers : hostUpstreams.get(), tcp);
        return reply != null ? reply : q.reply(DnsMessage.RCODE_SERVFAIL, List.of(), false).encode();
    }

    /** @param lookFor the name to look up: the question's, or the container a link alias of the client stands for */
    private DnsMessage local(DnsMessage q, DnsMessage.Question question, String lookFor, List<NameTable> tables) {
        if (question.type() == DnsMessage.TYPE_PTR) {
            String ip = reverseIp(question.name());
            String name = ip == null ? null
                    : tables.stream().map(t -> t.reverse(ip)).filter(n -> n != null).findFirst().orElse(null);
            return name == null ? null : q.reply(0, List.of(ResourceRecord.ptr(question.name(), name, TTL)), true);
        }
        // The first network that knows the name answers, as Docker's resolver tries the container's networks in turn.
        List<String> ips = tables.stream().map(t -> t.lookup(lookFor)).filter(l -> !l.isEmpty()).findFirst()
                .orElse(List.of());
        if (ips.isEmpty()) {
            return null;
        }
        List<ResourceRecord> answers = new ArrayList<>();
        if (question.type() == DnsMessage.TYPE_A || question.type() == 255) {
            for (String ip : ips) {
                answers.add(ResourceRecord.a(question.name(), toBytes(ip), TTL));
            }
        }
        if (question.type() == DnsMessage.TYPE_AAAA || question.type() == 255) {
            for (String ip : ips) {
                tables.stream().map(t -> t.ipv6(ip)).filter(v6 -> v6 != null).findFirst().ifPresent(v6 -> answers
                        .add(new ResourceRecord(question.name(), DnsMessage.TYPE_AAAA, 1, TTL, toBytes(v6))));
            }
        }
        // A known name without IPv6 gets an empty NOERROR for AAAA, so that resolvers do not try the next server.
        return q.reply(DnsMessage.RCODE_NOERROR, answers, true);
    }

    private static String reverseIp(String name) {
        String suffix = ".in-addr.arpa";
        if (!name.endsWith(suffix)) {
            return null;
        }
        String[] p = name.substring(0, name.length() - suffix.length()).split("\\.");
        return p.length == 4 ? p[3] + "." + p[2] + "." + p[1] + "." + p[0] : null;
    }

    private static byte[] toBytes(String ip) {
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
