package dev.berth.runtime.network.dns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of one network's endpoints (container name, aliases, short ID) and their addresses. Several endpoints
 * may share an alias (compose scale): the name then resolves to all of them, like Docker's round-robin DNS.
 */
public final class NameTable {
    private final Map<String, List<String>> byName = new HashMap<>();
    private final Map<String, String> ptr = new HashMap<>();
    private final Map<String, List<String>> namesOf = new HashMap<>();
    private final Map<String, List<String>> upstreamsOf = new HashMap<>();
    private final Map<String, Map<String, String>> linksOf = new HashMap<>();
    private final Map<String, String> ipv6Of = new HashMap<>();

    /** Registers {@code names} for {@code ipv4}; the first name answers reverse lookups. */
    public synchronized void add(String ipv4, List<String> names) {
        remove(ipv4);
        List<String> normalized = names.stream().filter(n -> n != null && !n.isBlank()).map(DnsMessage::normalize)
                .distinct().toList();
        for (String n : normalized) {
            byName.computeIfAbsent(n, k -> new ArrayList<>()).add(ipv4);
        }
        if (!normalized.isEmpty()) {
            ptr.put(ipv4, normalized.getFirst());
        }
        namesOf.put(ipv4, normalized);
    }

    /** Forgets every name of {@code ipv4} and its own upstream resolvers. */
    public synchronized void remove(String ipv4) {
        List<String> names = namesOf.remove(ipv4);
        if (names != null) {
            for (String n : names) {
                List<String> ips = byName.get(n);
                if (ips != null) {
                    ips.remove(ipv4);
                    if (ips.isEmpty()) {
                        byName.remove(n);
                    }
                }
            }
        }
        ptr.remove(ipv4);
        upstreamsOf.remove(ipv4);
        linksOf.remove(ipv4);
        ipv6Of.remove(ipv4);
    }

    /** The IPv6 address of the endpoint at {@code ipv4} (on an IPv6 network): its names answer AAAA queries with it. */
    public synchronized void setIpv6(String ipv4, String ipv6) {
        if (ipv6 == null) {
            ipv6Of.remove(ipv4);
        } else {
            ipv6Of.put(ipv4, ipv6);
        }
    }

    /** The IPv6 address of the endpoint at {@code ipv4}, or null. */
    public synchronized String ipv6(String ipv4) {
        return ipv6Of.get(ipv4);
    }

    /**
     * The links of the endpoint at {@code ipv4} (alias → container name): its queries for an alias resolve that
     * container, as Docker's per-endpoint link aliases do; other endpoints do not see them.
     */
    public synchronized void setLinks(String ipv4, Map<String, String> aliasToTarget) {
        if (aliasToTarget.isEmpty()) {
            linksOf.remove(ipv4);
        } else {
            Map<String, String> normalized = new HashMap<>();
            aliasToTarget.forEach((alias, target) -> normalized.put(DnsMessage.normalize(alias), target));
            linksOf.put(ipv4, normalized);
        }
    }

    /** The name a query from {@code clientIp} for {@code name} stands for: a link's target, else the name itself. */
    public synchronized String linked(String clientIp, String name) {
        Map<String, String> links = linksOf.get(clientIp);
        String target = links == null ? null : links.get(DnsMessage.normalize(name));
        return target == null ? name : target;
    }

    /** The addresses of {@code name} (normalized), empty if unknown. */
    public synchronized List<String> lookup(String name) {
        return List.copyOf(byName.getOrDefault(DnsMessage.normalize(name), List.of()));
    }

    /** The name of {@code ipv4}, or null. */
    public synchronized String reverse(String ipv4) {
        return ptr.get(ipv4);
    }

    /** Resolvers a container asked for with {@code --dns}; its queries for other names go there instead of the host's. */
    public synchronized void setUpstreams(String ipv4, List<String> servers) {
        if (servers.isEmpty()) {
            upstreamsOf.remove(ipv4);
        } else {
            upstreamsOf.put(ipv4, List.copyOf(servers));
        }
    }

    /** The client's own resolvers, or null for the defaults. */
    public synchronized List<String> upstreamsFor(String clientIp) {
        return upstreamsOf.get(clientIp);
    }

    public synchronized int size() {
        return namesOf.size();
    }
}
