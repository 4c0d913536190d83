package dev.berth.runtime.container.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.links.LinkGraph;
import dev.berth.runtime.container.model.Container;

/**
 * What starting and stopping a container asks of networking: a network namespace set up for it (or none, for
 * {@code --network host}), its addresses for /etc/hosts and inspect, and cleanup when it stops.
 */
public interface NetworkHook {
    /**
     * The result of connecting a container: where its namespace is, what inspect should show, and the variables its
     * legacy links set ({@code DB_PORT_5432_TCP_ADDR} …).
     */
    record Attachment(String netnsPath, boolean hostNetwork, String hosts, String resolvConf,
            ObjectNode networkSettings,
            java.util.List<String> linkEnv) {
        public Attachment {
            linkEnv = java.util.List.copyOf(linkEnv);
        }
    }

    /**
     * Sets up the container's networking (namespace, addresses, published ports) before its process starts, with
     * /etc/hosts entries and variables for the running containers it links to.
     */
    Attachment attach(Container c, java.util.List<LinkGraph.Target> links) throws java.io.IOException;

    /** Tears it down after the process exited. */
    void detach(Container c);
}
