package dev.berth.runtime.network;

import dev.berth.runtime.network.firewall.Firewall;
import dev.berth.runtime.network.ports.PortBinding;
import dev.berth.runtime.network.ports.PortMapping;
import dev.berth.runtime.network.ports.PortReservations;
import dev.berth.runtime.network.ports.PortRules;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Containers' published ports: a host port held open (so another program cannot take it, as docker-proxy holds it)
 * and DNAT rules to the container's address. Called with the network service's lock held.
 */
final class PublishedPorts implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PublishedPorts.class.getName());
    private final NetworkRegistry registry;
    private final Firewall firewall;
    private final AttachmentTable attachments;
    private final PortReservations reservations = new PortReservations();

    PublishedPorts(NetworkRegistry registry, Firewall firewall, AttachmentTable attachments) {
        this.registry = registry;
        this.firewall = firewall;
        this.attachments = attachments;
    }

    /**
     * Publishes ports to the container's first non-internal endpoint, all or nothing: host ports are bound first
     * (a port in use fails before any rule exists), then DNAT rules added. Returns the actual host ports. In host
     * mode, or with only internal networks, nothing is published (as with Docker) and the list is empty.
     */
    List<PortMapping> publish(String containerId, List<PortBinding> bindings) {
        Attachment a = attachments.require(containerId);
        Endpoint target = a.endpoints().stream().filter(e -> !registry.find(e.networkId()).internal()).findFirst()
                .orElse(null);
        if (target == null || bindings.isEmpty()) {
            return List.of();
        }
        List<Integer> ports = reservations.reserve(containerId, bindings);
        List<PortMapping> mappings = new ArrayList<>();
        for (int i = 0; i < bindings.size(); i++) {
            PortBinding b = bindings.get(i);
            mappings.add(new PortMapping(b.hostIp() == null ? "0.0.0.0" : b.hostIp(), ports.get(i), b.containerPort(),
                    b.protocol(), target.ipAddress()));
        }
        try {
            firewall.apply(PortRules.of(mappings));
            List<PortMapping> all = new ArrayList<>(a.ports());
            all.addAll(mappings);
            attachments.put(a.withPorts(all));
        } catch (RuntimeException e) {
            firewall.remove(PortRules.of(mappings));
            reservations.release(containerId);
            holdAgain(a);
            throw e;
        }
        return mappings;
    }

    /** Removes every published port of {@code a} (rules and held host ports); returns it without them, unsaved. */
    Attachment release(Attachment a) {
        firewall.remove(PortRules.of(a.ports()));
        reservations.release(a.containerId());
        return a.withPorts(List.of());
    }

    /** Removes the rules of the ports that pointed at an endpoint going away; returns the ports that stay. */
    List<PortMapping> dropFor(Attachment a, Endpoint gone) {
        List<PortMapping> lost = a.ports().stream().filter(p -> p.containerIp().equals(gone.ipAddress())).toList();
        if (!lost.isEmpty()) {
            firewall.remove(PortRules.of(lost));
        }
        List<PortMapping> ports = new ArrayList<>(a.ports());
        ports.removeAll(lost);
        return ports;
    }

    /** Re-applies {@code a}'s rules and holds its host ports again (start-up repair). */
    void restore(Attachment a) {
        firewall.apply(PortRules.of(a.ports()));
        holdAgain(a);
    }

    /** Lets go of every held host port (start-up repair takes them again, container by container). */
    void releaseAll() {
        reservations.close();
    }

    private void holdAgain(Attachment a) {
        if (a.ports().isEmpty()) {
            return;
        }
        List<PortBinding> again = a.ports().stream()
                .map(p -> new PortBinding(p.hostIp(), p.hostPort(), p.containerPort(), p.protocol())).toList();
        try {
            reservations.reserve(a.containerId(), again);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING,
                    "container " + a.containerId() + ": cannot hold its host ports again: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        reservations.close();
    }
}
