package dev.berth.runtime.network;

import dev.berth.runtime.network.dns.HostsFile;
import dev.berth.runtime.network.dns.ResolvConf;
import java.util.ArrayList;
import java.util.List;

/** What a container's {@code /etc/resolv.conf} and {@code /etc/hosts} say. Called with the network service's lock held. */
final class ContainerNameFiles {
    private final NetworkDns dns;
    private final AttachmentTable attachments;

    ContainerNameFiles(NetworkDns dns, AttachmentTable attachments) {
        this.dns = dns;
        this.attachments = attachments;
    }

    /**
     * The container's {@code /etc/resolv.conf}. On a bridge network the nameserver is the embedded DNS on the first
     * network's gateway, which forwards to {@code --dns} servers if given, else the host's; search and options come
     * from the settings or the host. In host/none mode it is the host's file, with {@code --dns} replacing its servers.
     */
    String resolvConf(String containerId, DnsSettings settings) {
        Attachment a = attachments.require(containerId);
        ResolvConf host = dns.hostResolvConf();
        List<String> search = settings.search().isEmpty() ? host.search() : settings.search();
        List<String> options = settings.options().isEmpty() ? host.options() : settings.options();
        Endpoint first = a.endpoints().stream().filter(e -> dns.serving(e.networkId())).findFirst().orElse(null);
        if (first == null) {
            List<String> servers = settings.servers().isEmpty() ? host.nameservers() : settings.servers();
            return new ResolvConf(servers, search, options).render();
        }
        attachments.put(a.withDnsServers(settings.servers()));
        for (Endpoint e : a.endpoints()) {
            dns.register(e, a.containerId(), settings.servers());
        }
        return new ResolvConf(List.of(first.gateway()), search, options).render();
    }

    /**
     * The container's {@code /etc/hosts}: loopback entries, {@code --add-host} values ({@code name:ip}, with
     * {@code host-gateway} meaning the first network's gateway, where the host answers) and the container's own line.
     */
    String hosts(String containerId, String hostname, List<String> extraHosts) {
        Attachment a = attachments.require(containerId);
        Endpoint first = a.endpoints().isEmpty() ? null : a.endpoints().getFirst();
        String gateway = first == null ? (a.hostNetwork() ? "127.0.0.1" : null) : first.gateway();
        List<HostsFile.Entry> extra = new ArrayList<>();
        for (String h : extraHosts == null ? List.<String>of() : extraHosts) {
            extra.add(HostsFile.parseExtraHost(h, gateway));
        }
        return HostsFile.render(hostname, first == null ? null : first.ipAddress(), extra);
    }
}
