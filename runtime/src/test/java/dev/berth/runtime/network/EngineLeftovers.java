package dev.berth.runtime.network;

import dev.berth.runtime.network.firewall.Firewall;
import dev.berth.runtime.network.firewall.Iptables;
import dev.berth.runtime.network.host.ProcessCommands;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Removes the iptables rules a test engine leaves when it stops: rules outlive an engine on purpose (its containers
 * keep their published ports), but a test engine's data root is thrown away, so nobody would ever reconcile them.
 */
public final class EngineLeftovers {
    private EngineLeftovers() {}

    /** Deletes the rules of the engine whose data root is {@code dataRoot} (nothing if it never made a network). */
    public static void removeRules(Path dataRoot) {
        Path networks = dataRoot.resolve("networks");
        if (!Files.exists(networks.resolve("engine-tag"))) {
            return;
        }
        EngineTag tag = EngineTag.loadOrCreate(networks);
        new Firewall(new Iptables(new ProcessCommands()), null, tag.ruleComment()).removeOwned();
    }

    /** The tag of the engine with data root {@code dataRoot}. */
    public static EngineTag tagOf(Path dataRoot) {
        return EngineTag.loadOrCreate(dataRoot.resolve("networks"));
    }
}
