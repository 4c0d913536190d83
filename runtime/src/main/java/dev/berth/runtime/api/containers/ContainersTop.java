package dev.berth.runtime.api.containers;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.oci.OciRuntime;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.container.top.HostPs;
import dev.berth.runtime.container.top.ProcessTable;
import dev.berth.runtime.errors.ConflictException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /containers/{id}/top?ps_args=}: the container's processes; 409 when it does not run. */
public final class ContainersTop implements Handler {
    private final ContainerStore store;
    private final OciRuntime runtime;
    private final ProcessTable table = ProcessTable.forHost();

    public ContainersTop(ContainerStore store, OciRuntime runtime) {
        this.store = store;
        this.runtime = runtime;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        Container c = store.resolve(req.pathParam("id"));
        if (!c.state().isRunning() || c.state().pid() <= 0) {
            throw new ConflictException("Container " + c.id() + " is not running");
        }
        List<Long> pids = runtime.ps(c.id());
        String psArgs = req.query("ps_args");
        ProcessTable.Table t = psArgs == null || psArgs.isBlank() ? table.table(pids) : HostPs.table(psArgs, pids);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Titles", t.titles());
        body.put("Processes", t.processes());
        res.json(200, body);
    }
}
