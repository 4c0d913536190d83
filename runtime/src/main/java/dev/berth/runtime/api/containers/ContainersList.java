package dev.berth.runtime.api.containers;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.image.reference.ImageReference;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** {@code GET /containers/json}: docker ps, newest first, with the filters docker ps and compose use. */
final class ContainersList implements Handler {
    private static final Set<String> KEYS = Set.of("status", "name", "label", "label!", "ancestor", "id", "exited",
            "volume",
            "before", "since", "health", "network", "is-task", "publish", "expose");
    private static final Set<String> STATUSES = Set.of("created", "restarting", "running", "removing", "paused",
            "exited", "dead");

    private final ContainerServices containers;
    private final ContainerViews views;

    ContainersList(ContainerServices containers, ContainerViews views) {
        this.containers = containers;
        this.views = views;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        Filters filters = req.filters();
        filters.validate(KEYS);
        Integer limit = req.queryInt("limit");
        // docker ps -n/-l: "the last created containers (includes all states)", as dockerd treats any limit.
        boolean all = req.queryBool("all", false) || limit != null && limit > 0;
        boolean size = req.queryBool("size", false);
        Predicate<Container> p = filter(filters);
        if (!all && !filters.has("status") && !filters.has("exited")) {
            p = p.and(c -> c.state().isRunning());
        }
        var list = containers.store().list().stream()
                .filter(p)
                .sorted(Comparator.comparing((Container c) -> Instant.parse(c.created())).reversed())
                .limit(limit == null || limit <= 0 ? Long.MAX_VALUE : limit)
                .map(c -> views.summary(c, size))
                .toList();
        res.json(200, list);
    }

    private Predicate<Container> filter(Filters f) {
        Predicate<Container> p = c -> true;
        if (f.has("status")) {
            for (String s : f.get("status")) {
                if (!STATUSES.contains(s)) {
                    throw new InvalidArgumentException("invalid filter 'status=" + s + "'");
                }
            }
            p = p.and(c -> f.get("status").contains(c.state().status().word()));
        }
        if (f.has("name")) {
            List<Pattern> names = f.get("name").stream()
                    .map(n -> Pattern.compile(n.startsWith("/") ? n.substring(1) : n)).toList();
            p = p.and(c -> names.stream().anyMatch(n -> n.matcher(c.name()).find()));
        }
        if (f.has("id")) {
            p = p.and(c -> f.get("id").stream().anyMatch(c.id()::startsWith));
        }
        if (f.has("label")) {
            p = p.and(c -> f.matchLabels(c.configView().labels()));
        }
        for (String neg : f.get("label!")) {
            p = p.and(c -> !Filters.parse("{\"label\":[\"" + neg.replace("\"", "") + "\"]}")
                    .matchLabels(c.configView().labels()));
        }
        if (f.has("exited")) {
            Set<String> codes = f.get("exited");
            p = p.and(c -> c.state().status().word().equals("exited")
                    && codes.contains(Integer.toString(c.state().exitCode())));
        }
        if (f.has("ancestor")) {
            p = p.and(c -> f.get("ancestor").stream().anyMatch(a -> isAncestor(c, a)));
        }
        if (f.has("volume")) {
            p = p.and(c -> c.mounts().stream()
                    .anyMatch(m -> f.get("volume").contains(m.name()) || f.get("volume").contains(m.destination())));
        }
        if (f.has("health")) {
            p = p.and(c -> f.get("health").contains(c.state().health() == null ? "none" : c.state().health().status()));
        }
        if (f.has("network")) {
            p = p.and(c -> f.get("network").stream().anyMatch(n -> n.equals(c.hostConfigView().networkMode())
                    || (c.networkSettings() != null && c.networkSettings().path("Networks").has(n))));
        }
        for (String before : f.get("before")) {
            Instant t = Instant.parse(containers.store().resolve(before).created());
            p = p.and(c -> Instant.parse(c.created()).isBefore(t));
        }
        for (String since : f.get("since")) {
            Instant t = Instant.parse(containers.store().resolve(since).created());
            p = p.and(c -> Instant.parse(c.created()).isAfter(t));
        }
        return p;
    }

    /** ancestor=IMAGE matches containers of that image (by name, ID or ID prefix). */
    private boolean isAncestor(Container c, String ancestor) {
        if (c.imageId().toString().equals(ancestor) || c.imageId().hex().startsWith(ancestor)
                || c.imageRef().equals(ancestor)) {
            return true;
        }
        try {
            String wanted = ImageReference.parse(ancestor).withDefaultTag().familiarString();
            String ref = ImageReference.parse(c.imageRef()).withDefaultTag().familiarString();
            return wanted.equals(ref);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
