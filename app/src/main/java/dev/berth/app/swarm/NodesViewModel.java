package dev.berth.app.swarm;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.swarm.SwarmNode;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.support.ResourceListViewModel;
import java.util.List;
import java.util.function.Supplier;

/** The nodes of the swarm (as {@code docker node ls}): availability, promote and demote, removal. */
public final class NodesViewModel extends ResourceListViewModel<SwarmNode> {
    public NodesViewModel(Supplier<Engine> engine, Async async) {
        super(engine, async);
    }

    @Override
    protected List<SwarmNode> load(Engine e) {
        return e.swarm().nodes();
    }

    /** {@code active}, {@code pause} or {@code drain} (a drained node's tasks move to other nodes). */
    public void setAvailability(SwarmNode node, String availability) {
        command(e -> e.swarm().setAvailability(node.id(), availability),
                I18n.t("swarm.node.availabilitySet", node.hostname(), I18n.t("swarm.availability." + availability)));
    }

    public void promote(SwarmNode node) {
        command(e -> e.swarm().setRole(node.id(), "manager"), I18n.t("swarm.node.promoted", node.hostname()));
    }

    public void demote(SwarmNode node) {
        command(e -> e.swarm().setRole(node.id(), "worker"), I18n.t("swarm.node.demoted", node.hostname()));
    }

    /** Removes nodes from the swarm; a node that is not down must leave first unless {@code force}. */
    public void remove(List<SwarmNode> nodes, boolean force) {
        if (nodes.isEmpty()) {
            setError(I18n.t("swarm.nothingSelected"));
            return;
        }
        commandEach(nodes, SwarmNode::hostname, (e, n) -> e.swarm().removeNode(n.id(), force));
    }
}
