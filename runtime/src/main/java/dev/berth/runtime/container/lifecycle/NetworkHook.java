package dev.berth.runtime.container.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.model.Container;

/**
 * What starting and stopping a container asks of networking: a network namespace set up for it (or none, for
 * {@code --network host}), its addresses for /etc/hosts and inspect, and cleanup when it stops.
 */
public interface NetworkHook {
    /** The result of connecting a container: where its namespace is and what inspect should show. */
    record Attachment(String netnsPath, boolean hostNetwork, String hosts, String resolvConf, ObjectNode networkSettings) {}

    /** Sets up the container's networking (namespace, addresses, published ports) before its process starts. */
    Attachment attach(Container c) throws java.io.IOException;

    /** Tears it down after the process exited. */
    void detach(Container c);
}
