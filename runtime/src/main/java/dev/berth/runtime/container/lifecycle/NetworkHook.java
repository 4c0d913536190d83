package dev.berth.runtime.container.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.model.Container;
import java.util.List;

/**
 * What starting and stopping a container asks of networking: a network namespace set up for it (or none, for
 * {@code --network host}), its addresses for /etc/hosts and inspect, and cleanup when it stops.
 */
public interface NetworkHook {
    /** The result of connecting a container: where its namespace is and what inspect should show. */
    record Attachment(String netnsPath, boolean hostNetwork, String address, List<String> resolvers, ObjectNode networkSettings) {}

    /** Sets up the container's networking before its process starts. */
    Attachment attach(Container c);

    /** Tears it down after the process exited. */
    void detach(Container c);
}
