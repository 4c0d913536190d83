package dev.berth.runtime.network.host;

import java.util.ArrayList;
import java.util.List;

/** Bridges, veth pairs and addresses through iproute2's {@code ip}; inside a namespace via {@code nsenter --net=}. */
public final class Links {
    private final Commands commands;

    public Links(Commands commands) {
        this.commands = commands;
    }

    public boolean exists(String name) {
        return commands.run(List.of("ip", "link", "show", "dev", name)).ok();
    }

    /** Creates bridge {@code name} with {@code cidrAddress} (e.g. 172.30.0.1/16) and brings it up; idempotent. */
    public void ensureBridge(String name, String cidrAddress, Integer mtu) {
        if (!exists(name)) {
            List<String> add = new ArrayList<>(List.of("ip", "link", "add", "name", name));
            if (mtu != null) {
                add.addAll(List.of("mtu", mtu.toString()));
            }
            add.addAll(List.of("type", "bridge"));
            commands.check(add);
        }
        if (cidrAddress != null) {
            // "replace" is idempotent, unlike "add".
            commands.check(List.of("ip", "addr", "replace", cidrAddress, "dev", name));
        }
        commands.check(List.of("ip", "link", "set", "dev", name, "up"));
    }

    /** Gives bridge {@code name} the IPv6 gateway address {@code cidrAddress} (e.g. 2001:db8::1/64); idempotent. */
    public void ensureBridgeIpv6(String name, String cidrAddress) {
        commands.check(List.of("ip", "addr", "replace", cidrAddress, "dev", name, "nodad"));
    }

    /** Deletes a link if it exists (the veth peer goes with it); a missing link is not an error. */
    public void delete(String name) {
        // No `ip link show` first: a failed delete of a missing link says the same, one process sooner.
        commands.run(List.of("ip", "link", "delete", "dev", name));
    }

    /** Names of the links enslaved to bridge {@code bridge}. */
    public List<String> portsOf(String bridge) {
        CommandResult r = commands.run(List.of("ip", "-o", "link", "show", "master", bridge));
        List<String> names = new ArrayList<>();
        if (!r.ok()) {
            return names;
        }
        for (String line : r.stdout().split("\n")) {
            String[] f = line.split(":\\s+", 3);
            if (f.length >= 2) {
                String n = f[1];
                int at = n.indexOf('@');
                names.add(at >= 0 ? n.substring(0, at) : n);
            }
        }
        return names;
    }

    /** An endpoint's IPv6 address ({@code 2001:db8::2/64}) and the gateway of its default route (null: none). */
    public record Ipv6Address(String cidr, String gateway) {}

    public void addVeth(String hostSide, String bridge, Integer mtu, String netnsPath, String ifName, String mac,
            String cidrAddress, String gateway) {
        addVeth(hostSide, bridge, mtu, netnsPath, ifName, mac, cidrAddress, gateway, null);
    }

    /**
     * Creates a veth pair: {@code hostSide} joins {@code bridge}, the peer moves into the namespace at {@code netnsPath}
     * as {@code ifName} with {@code mac} and {@code cidrAddress} (and {@code ipv6} when not null), default route via
     * {@code gateway} (null: none); loopback in that namespace comes up too.
     */
    public void addVeth(String hostSide, String bridge, Integer mtu, String netnsPath, String ifName, String mac,
            String cidrAddress, String gateway, Ipv6Address ipv6) {
        // Create the peer under a temporary unique name, then rename it inside the namespace: two containers
        // both want "eth0", and the host namespace can only hold one at a time. The changes on each side go through
        // one `ip -batch` (which stops at the first error): one ip/nsenter process per change took ~130 ms of every
        // bridged container start.
        String tmpPeer = hostSide + "p";
        List<String> add = new ArrayList<>(List.of("ip", "link", "add", "name", hostSide));
        if (mtu != null) {
            add.addAll(List.of("mtu", mtu.toString()));
        }
        add.addAll(List.of("type", "veth", "peer", "name", tmpPeer));
        if (mtu != null) {
            add.addAll(List.of("mtu", mtu.toString()));
        }
        String host = "link set dev " + tmpPeer + " netns " + netnsPath + "\n"
                + "link set dev " + hostSide + " master " + bridge + " up\n";
        StringBuilder inside = new StringBuilder("link set dev lo up\n")
                .append("link set dev ").append(tmpPeer).append(" name ").append(ifName).append(" address ").append(mac)
                .append('\n')
                .append("addr add ").append(cidrAddress).append(" dev ").append(ifName).append('\n')
                .append("link set dev ").append(ifName).append(" up\n");
        if (gateway != null) {
            inside.append("route replace default via ").append(gateway).append(" dev ").append(ifName).append('\n');
        }
        if (ipv6 != null) {
            // nodad: the address is usable at once instead of after a second of duplicate detection on a new bridge
            inside.append("addr add ").append(ipv6.cidr()).append(" dev ").append(ifName).append(" nodad\n");
            if (ipv6.gateway() != null) {
                inside.append("route replace default via ").append(ipv6.gateway()).append(" dev ").append(ifName)
                        .append('\n');
            }
        }
        commands.check(add); // outside the try: if the name is taken, that link is not ours to delete
        try {
            commands.check(List.of("ip", "-batch", "-"), host);
            commands.check(List.of("nsenter", "--net=" + netnsPath, "--", "ip", "-batch", "-"), inside.toString());
        } catch (RuntimeException e) {
            delete(hostSide);
            throw e;
        }
    }

    /** Puts an existing link on {@code bridge} and brings it up (after the bridge itself was re-created). */
    public void enslave(String link, String bridge) {
        commands.check(List.of("ip", "link", "set", "dev", link, "master", bridge, "up"));
    }

    /** Brings loopback up inside a namespace. */
    public void loopbackUp(String netnsPath) {
        inNetns(netnsPath, "ip", "link", "set", "dev", "lo", "up");
    }

    /** Runs a command inside the network namespace at {@code netnsPath}. */
    public CommandResult inNetns(String netnsPath, String... argv) {
        List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + netnsPath, "--"));
        full.addAll(List.of(argv));
        return commands.check(full);
    }

    /** The IPv4 routes of the host as CIDR strings ("default" left out), to avoid subnets already in use. */
    public List<String> hostRoutes() {
        CommandResult r = commands.run(List.of("ip", "-4", "-o", "route", "show", "table", "all"));
        List<String> out = new ArrayList<>();
        if (!r.ok()) {
            return out;
        }
        for (String line : r.stdout().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 0 || f[0].isEmpty() || f[0].equals("default") || f[0].equals("broadcast")
                    || f[0].equals("local") || f[0].equals("unreachable") || f[0].equals("multicast")) {
                continue;
            }
            out.add(f[0].contains("/") ? f[0] : f[0] + "/32");
        }
        return out;
    }
}
