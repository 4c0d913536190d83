package dev.berth.runtime.api.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.api.http.StructFields;
import dev.berth.runtime.container.exec.ExecConfig;
import dev.berth.runtime.container.exec.ExecService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Docker's exec endpoints: create on a container, then start (hijacked), inspect and resize by exec id. */
public final class ExecRoutes implements Routes {
    private final ExecService execs;

    public ExecRoutes(ExecService execs) {
        this.execs = execs;
    }

    @Override
    public void register(Router r) {
        r.add("POST", "/containers/{id}/exec", (req, res) -> {
            var e = execs.create(req.pathParam("id"), config(req.bodyJson(ObjectNode.class)));
            res.json(201, Map.of("Id", e.id()));
        });
        r.add("POST", "/exec/{id}/start", new ExecStartHandler(execs));
        r.add("GET", "/exec/{id}/json",
                (req, res) -> res.json(200, ExecViews.inspect(execs.store().resolve(req.pathParam("id")))));
        r.add("POST", "/exec/{id}/resize", (req, res) -> {
            execs.resize(req.pathParam("id"), orZero(req.queryInt("h")), orZero(req.queryInt("w")));
            res.status(200);
        });
    }

    /** ExecConfig's fields, matched whatever their case (Go's JSON decoding does; docker-py sends detachKeys). */
    private static final List<String> CREATE_FIELDS = List.of("Cmd", "Env", "WorkingDir", "User", "AttachStdin",
            "AttachStdout", "AttachStderr", "Tty", "Privileged", "DetachKeys", "ConsoleSize");

    static ExecConfig config(ObjectNode body) {
        ObjectNode b = StructFields.canonical(body == null ? ContainerRoutes.object() : body, CREATE_FIELDS);
        int[] size = ExecStartHandler.consoleSize(b);
        String detachKeys = b.path("DetachKeys").asText("");
        DetachKeys.parse(detachKeys); // a bad spec is a 400 at create, as in dockerd
        return new ExecConfig(strings(b.get("Cmd")), strings(b.get("Env")), b.path("WorkingDir").asText(""),
                b.path("User").asText(""), b.path("AttachStdin").asBoolean(false),
                b.path("AttachStdout").asBoolean(false),
                b.path("AttachStderr").asBoolean(false), b.path("Tty").asBoolean(false),
                b.path("Privileged").asBoolean(false),
                detachKeys, size[0], size[1]);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n != null && n.isTextual()) {
            out.add(n.asText()); // old clients may send a single string
        }
        return out;
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }
}
