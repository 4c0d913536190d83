package dev.berth.runtime.container.links;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The legacy links between containers, read from their {@code HostConfig.Links}: the extra names a linked container
 * shows in {@code docker ps} ({@code /web/db}), the links as inspect shows them, the targets a start needs running,
 * and {@code docker rm --link}. Only containers on the default bridge have legacy links; on a user network the same
 * field means a DNS alias of that network (the network's business).
 */
public final class LinkGraph {
    /** A link whose target is known: what a start wires (/etc/hosts, environment). */
    public record Target(LegacyLink link, Container container) {}

    private final ContainerStore store;

    public LinkGraph(ContainerStore store) {
        this.store = store;
    }

    /** Whether {@code c}'s HostConfig.Links are legacy links (default bridge) rather than network aliases. */
    public static boolean legacy(Container c) {
        String mode = c.hostConfigView().networkMode();
        return mode.isEmpty() || mode.equals("default") || mode.equals("bridge");
    }

    /** The links {@code c} asked for, as written. */
    public static List<LegacyLink> linksOf(Container c) {
        return c.hostConfigView().links().stream().map(LegacyLink::parse).toList();
    }

    /** Refuses links at create that dockerd refuses: malformed, or to a container that does not exist. */
    public void checkAtCreate(List<String> links, String networkMode) {
        if (links.isEmpty()) {
            return;
        }
        if (networkMode.equals("host") || networkMode.equals("none") || networkMode.startsWith("container:")) {
            throw new InvalidArgumentException(
                    "conflicting options: " + networkMode + " type networking can't be used with links");
        }
        for (String spec : links) {
            LegacyLink link = LegacyLink.parse(spec);
            boolean bridged = networkMode.isEmpty() || networkMode.equals("default") || networkMode.equals("bridge");
            if (bridged && store.find(link.target()).isEmpty()) {
                throw new NotFoundException(
                        "could not get container for " + link.target() + ": No such container: " + link.target());
            }
        }
    }

    /** The targets a start of {@code parent} links to; each must run, as dockerd requires. */
    public List<Target> runningTargets(Container parent) {
        if (!legacy(parent)) {
            return List.of();
        }
        List<Target> out = new ArrayList<>();
        for (LegacyLink link : linksOf(parent)) {
            Container target = store.find(link.target()).orElseThrow(() -> new NotFoundException(
                    "could not get container for " + link.target() + ": No such container: " + link.target()));
            if (!target.state().isRunning()) {
                throw new EngineException("Cannot link to a non running container: /" + target.name() + " AS /"
                        + parent.name() + "/" + link.alias());
            }
            out.add(new Target(link, target));
        }
        return out;
    }

    /** The extra names of {@code target}: one {@code /parent/alias} for each container linking to it. */
    public List<String> namesThroughLinks(Container target) {
        List<String> names = new ArrayList<>();
        for (Container parent : store.list()) {
            if (!legacy(parent) || parent.hostConfigView().links().isEmpty()) {
                continue;
            }
            for (LegacyLink link : linksOrNone(parent)) {
                if (store.find(link.target()).map(Container::id).filter(target.id()::equals).isPresent()) {
                    names.add("/" + parent.name() + "/" + link.alias());
                }
            }
        }
        return names;
    }

    /** {@code HostConfig.Links} as inspect shows them: {@code /target:/parent/alias}; null when there are none. */
    public ArrayNode rendered(Container parent) {
        if (!legacy(parent) || parent.hostConfigView().links().isEmpty()) {
            return null;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (LegacyLink link : linksOrNone(parent)) {
            String target = store.find(link.target()).map(Container::name).orElse(link.target());
            out.add("/" + target + ":/" + parent.name() + "/" + link.alias());
        }
        return out;
    }

    /** {@code DELETE /containers/{parent}/{alias}?link=1}: forgets the link; both containers stay. */
    public void remove(String linkName) {
        String path = linkName.startsWith("/") ? linkName.substring(1) : linkName;
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            throw new ConflictException("Conflict, cannot remove the default link name of the container");
        }
        String parentName = path.substring(0, slash);
        String alias = path.substring(slash + 1);
        Container parent = store.find(parentName)
                .orElseThrow(() -> new NotFoundException("No such container: " + parentName));
        Optional<LegacyLink> link = linksOrNone(parent).stream().filter(l -> l.alias().equals(alias)).findFirst();
        if (link.isEmpty()) {
            throw new NotFoundException("Could not find link /" + parent.name() + "/" + alias);
        }
        store.update(parent.id(), x -> {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            x.hostConfigView().links().stream().filter(spec -> !safeAlias(spec).equals(alias)).forEach(kept::add);
            return x.withHostConfig(x.hostConfigView().with("Links", kept.isEmpty() ? null : kept).json());
        });
    }

    private static List<LegacyLink> linksOrNone(Container c) {
        try {
            return linksOf(c);
        } catch (InvalidArgumentException e) {
            return List.of(); // refused at create; a record from before that check shows no links rather than failing
        }
    }

    private static String safeAlias(String spec) {
        try {
            return LegacyLink.parse(spec).alias();
        } catch (InvalidArgumentException e) {
            return "";
        }
    }
}
