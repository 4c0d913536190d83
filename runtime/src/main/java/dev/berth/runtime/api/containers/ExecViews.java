package dev.berth.runtime.api.containers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.exec.ExecConfig;
import dev.berth.runtime.container.exec.ExecInstance;

/** {@code GET /exec/{id}/json}: moby's ExecInspect document. */
final class ExecViews {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ExecViews() {}

    static ObjectNode inspect(ExecInstance e) {
        ExecConfig c = e.config();
        ObjectNode o = F.objectNode();
        o.put("ID", e.id());
        o.put("Running", e.running());
        Integer code = e.exitCode();
        if (code == null) {
            o.putNull("ExitCode");
        } else {
            o.put("ExitCode", code.intValue());
        }
        ObjectNode p = o.putObject("ProcessConfig");
        p.put("tty", c.tty());
        p.put("entrypoint", c.cmd().getFirst());
        var args = p.putArray("arguments");
        c.cmd().stream().skip(1).forEach(args::add);
        p.put("privileged", c.privileged());
        if (!c.user().isEmpty()) {
            p.put("user", c.user());
        }
        o.put("OpenStdin", c.attachStdin());
        o.put("OpenStderr", c.attachStderr());
        o.put("OpenStdout", c.attachStdout());
        o.put("CanRemove", false);
        o.put("ContainerID", e.containerId());
        o.put("DetachKeys", c.detachKeys());
        o.put("Pid", e.pid());
        return o;
    }
}
