package dev.berth.runtime.container.lifecycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.run.EtcFiles;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;

/**
 * Networking before bridges exist: {@code host} shares the host's stack, every other mode gets a namespace of
 * its own with only loopback (the runtime creates it). Replaced by the network service once it is wired.
 */
public final class LoopbackNetwork implements NetworkHook {
    @Override
    public Attachment attach(Container c, List<dev.berth.runtime.container.links.LinkGraph.Target> links)
            throws java.io.IOException {
        // Without bridges a linked container has no address to give: links add nothing here.
        String mode = c.hostConfigView().networkMode();
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        settings.put("Bridge", "");
        settings.put("SandboxID", "");
        settings.set("Ports", JsonNodeFactory.instance.objectNode());
        settings.put("SandboxKey", "");
        settings.put("IPAddress", "");
        settings.put("Gateway", "");
        settings.put("MacAddress", "");
        ObjectNode networks = settings.putObject("Networks");
        if (!List.of("default", "bridge", "none", "host").contains(mode)) {
            throw new InvalidArgumentException("network " + mode + " not found");
        }
        networks.putObject(mode.equals("default") ? "bridge" : mode).put("NetworkID", mode).put("IPAddress", "");
        return new Attachment(null, mode.equals("host"), EtcFiles.hosts(c, null),
                EtcFiles.resolvConf(c.hostConfigView(), List.of()), settings,
                List.of());
    }

    @Override
    public void detach(Container c) {
        // nothing was set up
    }
}
