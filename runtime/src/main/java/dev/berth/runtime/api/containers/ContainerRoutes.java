package dev.berth.runtime.api.containers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.container.ContainerServices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registers Docker's container endpoints; the larger operations have handler classes of their own. */
public final class ContainerRoutes implements Routes {
    private final ContainerServices containers;

    public ContainerRoutes(ContainerServices containers) {
        this.containers = containers;
    }

    @Override
    public void register(Router r) {
        ContainerViews views = new ContainerViews(containers);
        r.add("POST", "/containers/create", (req, res) -> {
            ObjectNode body = req.bodyJson(ObjectNode.class);
            var c = containers.creator().create(req.query("name"), body);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("Id", c.id());
            out.put("Warnings", List.of());
            res.json(201, out);
        });
        r.add("GET", "/containers/json", new ContainersList(containers, views));
        r.add("GET", "/containers/{id}/json", (req, res) -> res.json(200,
                views.inspect(containers.store().resolve(req.pathParam("id")), req.queryBool("size", false))));
        r.add("POST", "/containers/{id}/start", (req, res) -> {
            containers.runner().start(req.pathParam("id"));
            res.status(204);
        });
        r.add("POST", "/containers/{id}/stop", (req, res) -> {
            containers.lifecycle().stop(req.pathParam("id"), req.queryInt("t"), req.query("signal"));
            res.status(204);
        });
        r.add("POST", "/containers/{id}/restart", (req, res) -> {
            containers.lifecycle().restart(req.pathParam("id"), req.queryInt("t"), req.query("signal"));
            res.status(204);
        });
        r.add("POST", "/containers/{id}/kill", (req, res) -> {
            containers.lifecycle().kill(req.pathParam("id"), req.query("signal"));
            res.status(204);
        });
        r.add("POST", "/containers/{id}/pause", (req, res) -> {
            containers.lifecycle().pause(req.pathParam("id"));
            res.status(204);
        });
        r.add("POST", "/containers/{id}/unpause", (req, res) -> {
            containers.lifecycle().unpause(req.pathParam("id"));
            res.status(204);
        });
        r.add("POST", "/containers/{id}/rename", (req, res) -> {
            containers.lifecycle().rename(req.pathParam("id"), req.query("name"));
            res.status(204);
        });
        r.add("DELETE", "/containers/{id}", (req, res) -> {
            containers.lifecycle().remove(req.pathParam("id"), req.queryBool("force", false),
                    req.queryBool("v", false));
            res.status(204);
        });
        // docker rm --link /web/db: the name of a link has a slash in it, so it is a path of two segments
        r.add("DELETE", "/containers/{id}/{alias}", (req, res) -> {
            String name = req.pathParam("id") + "/" + req.pathParam("alias");
            if (!req.queryBool("link", false)) {
                throw new dev.berth.runtime.errors.NotFoundException("No such container: " + name);
            }
            containers.links().remove(name);
            res.status(204);
        });
        r.add("POST", "/containers/{id}/wait", new ContainersWait(containers));
        r.add("POST", "/containers/{id}/attach", new ContainersAttach(containers));
        r.add("GET", "/containers/{id}/logs", new ContainersLogs(containers));
        r.add("POST", "/containers/{id}/resize", (req, res) -> {
            var c = containers.store().resolve(req.pathParam("id"));
            if (!c.state().isRunning()) {
                throw new dev.berth.runtime.errors.ConflictException(
                        "cannot resize container " + c.shortId() + ": it is not running");
            }
            if (c.configView().tty()) {
                dev.berth.runtime.container.monitor.MonitoredContainer.reattach(containers.runner().layout(c.id()))
                        .resize(orZero(req.queryInt("h")), orZero(req.queryInt("w")));
            }
            res.status(200);
        });
        r.add("POST", "/containers/prune",
                (req, res) -> res.json(200, new ContainersPrune(containers).prune(req.filters())));
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
