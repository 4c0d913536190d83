package dev.berth.runtime.network;

import dev.berth.runtime.network.firewall.Firewall;
import dev.berth.runtime.network.host.Links;
import dev.berth.runtime.network.host.NetnsFiles;
import dev.berth.runtime.network.ipam.Ipv4;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the host match the records, as after a restart or crash: rebuilds this engine's rules from scratch
 * (network rules, published ports), re-creates missing bridges and veths of containers whose namespace still
 * exists, drops attachments whose namespace is gone, and deletes leases, veths and namespaces of this engine that
 * no record owns. What another engine on the host made is never touched: its rules carry another owner comment,
 * its namespaces and veths another tag in their names (see {@link EngineTag}). Called with the service's lock held.
 */
final class NetworkRepair {
    private static final Logger LOG = Logger.getLogger(NetworkRepair.class.getName());
    private final NetworkRegistry registry;
    private final Firewall firewall;
    private final Bridges bridges;
    private final NetworkDns dns;
    private final Links links;
    private final NetnsFiles netns;
    private final EndpointWiring wiring;
    private final EngineTag tag;
    private final AttachmentTable attachments;
    private final PublishedPorts ports;

    NetworkRepair(NetworkRegistry registry, Firewall firewall, Bridges bridges, NetworkDns dns, Links links,
            NetnsFiles netns, EndpointWiring wiring, EngineTag tag, AttachmentTable attachments, PublishedPorts ports) {
        this.registry = registry;
        this.firewall = firewall;
        this.bridges = bridges;
        this.dns = dns;
        this.links = links;
        this.netns = netns;
        this.wiring = wiring;
        this.tag = tag;
        this.attachments = attachments;
        this.ports = ports;
    }

    void run() {
        firewall.ensureBase();
        firewall.removeOwned();
        for (Network n : registry.all()) {
            bridges.setUp(n);
            dns.start(n);
        }
        ports.releaseAll();
        for (Attachment a : List.copyOf(attachments.all())) {
            if (!a.hostNetwork() && a.netnsPath() != null && !netns.exists(java.nio.file.Path.of(a.netnsPath()))) {
                LOG.info("container " + a.containerId() + " lost its network namespace; releasing its endpoints");
                attachments.forget(a.containerId());
                // Best effort: a full data disk must not keep the engine from starting (the records are
                // released again at the next start, and nothing else uses them meanwhile).
                step("release the endpoints of " + a.containerId(), () -> {
                    for (Endpoint e : a.endpoints()) {
                        wiring.disconnect(e, a.containerId());
                    }
                    attachments.store().deleteAttachment(a.containerId());
                });
                continue;
            }
            repairEndpoints(a);
        }
        step("release orphaned leases, veths and namespaces", this::releaseOrphans);
    }

    private static void step(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not " + what + " while starting: " + e.getMessage());
        }
    }

    private void repairEndpoints(Attachment a) {
        boolean routed = false;
        for (Endpoint e : a.endpoints()) {
            Network n = registry.find(e.networkId());
            boolean defaultRoute = !routed && !n.internal();
            routed |= defaultRoute;
            try {
                if (links.exists(e.hostVeth())) {
                    // The bridge may have been re-created just now, which leaves its former ports detached.
                    links.enslave(e.hostVeth(), n.bridge());
                } else {
                    wiring.rewire(n, e, a.netnsPath(), defaultRoute);
                }
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING,
                        "cannot repair " + e.hostVeth() + " of " + a.containerId() + ": " + ex.getMessage());
            }
            dns.register(e, a.containerId(), a.dnsServers());
        }
        ports.restore(a);
    }

    private void releaseOrphans() {
        Map<String, Boolean> owners = new HashMap<>();
        List<String> veths = new ArrayList<>();
        for (Attachment a : attachments.all()) {
            owners.put(a.containerId(), true);
            a.endpoints().forEach(e -> veths.add(e.hostVeth()));
        }
        for (Network n : registry.all()) {
            if (registry.pool(n.id()) != null) {
                for (Map.Entry<Ipv4, String> lease : registry.pool(n.id()).leases().entrySet()) {
                    if (!owners.containsKey(lease.getValue())) {
                        registry.pool(n.id()).release(lease.getKey(), lease.getValue());
                    }
                }
            }
            if (registry.pool6(n.id()) != null) {
                registry.pool6(n.id()).releaseAllBut(owners.keySet());
            }
            if (n.hasBridge()) {
                for (String port : links.portsOf(n.bridge())) {
                    if (port.startsWith(tag.vethPrefix()) && !veths.contains(port)) {
                        links.delete(port);
                    }
                }
            }
        }
        java.io.File[] named = java.nio.file.Path.of("/run/netns").toFile().listFiles();
        for (java.io.File f : named == null ? new java.io.File[0] : named) {
            String name = f.getName();
            if (name.startsWith(tag.netnsPrefix()) && attachments.all().stream()
                    .noneMatch(a -> a.ownsNetns()
                            && name.equals(java.nio.file.Path.of(a.netnsPath()).getFileName().toString()))) {
                netns.delete(name);
            }
        }
    }
}
