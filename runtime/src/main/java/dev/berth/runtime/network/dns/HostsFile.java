package dev.berth.runtime.network.dns;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;

/** Renders a container's {@code /etc/hosts} like dockerd: the loopback block, {@code --add-host} entries, then itself. */
public final class HostsFile {
    private HostsFile() {}

    /** An {@code --add-host} entry. */
    public record Entry(String name, String ip) {}

    /**
     * Parses {@code --add-host} values {@code name:ip} (or {@code name=ip}); {@code host-gateway} as ip becomes
     * {@code hostGateway}, the address under which the host is reachable from the container.
     */
    public static Entry parseExtraHost(String value, String hostGateway) {
        int sep = value.indexOf('=');
        if (sep < 0) {
            sep = value.indexOf(':');
        }
        if (sep <= 0 || sep == value.length() - 1) {
            throw new InvalidArgumentException(
                    "invalid argument \"" + value + "\" for \"--add-host\": expected name:ip");
        }
        String name = value.substring(0, sep);
        String ip = value.substring(sep + 1);
        if (ip.equals("host-gateway")) {
            if (hostGateway == null) {
                throw new InvalidArgumentException(
                        "host-gateway is not available: the container has no bridge network");
            }
            ip = hostGateway;
        }
        if (!ip.matches("[0-9a-fA-F:.\\[\\]]+")) {
            throw new InvalidArgumentException("invalid IP address in add-host: \"" + ip + "\"");
        }
        return new Entry(name, ip.replace("[", "").replace("]", ""));
    }

    /** The file's text; {@code ownIp} null (host or none network) leaves out the container's own line. */
    public static String render(String hostname, String ownIp, List<Entry> extra) {
        StringBuilder sb = new StringBuilder();
        sb.append("127.0.0.1\tlocalhost\n");
        sb.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        sb.append("fe00::0\tip6-localnet\n");
        sb.append("ff00::0\tip6-mcastprefix\n");
        sb.append("ff02::1\tip6-allnodes\n");
        sb.append("ff02::2\tip6-allrouters\n");
        for (Entry e : extra) {
            sb.append(e.ip()).append('\t').append(e.name()).append('\n');
        }
        if (ownIp != null && hostname != null && !hostname.isBlank()) {
            sb.append(ownIp).append('\t').append(hostname).append('\n');
        }
        return sb.toString();
    }
}
