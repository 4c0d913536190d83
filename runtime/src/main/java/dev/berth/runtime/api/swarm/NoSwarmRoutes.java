package dev.berth.runtime.api.swarm;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.errors.UnavailableException;
import java.util.List;

/** Answers every Swarm endpoint as dockerd does when the node is in no swarm. */
public final class NoSwarmRoutes implements Routes {
    /** dockerd's errNoSwarm, for leaving (clients treat it as "nothing to leave"). */
    static final String NOT_IN_SWARM = "This node is not part of a swarm";
    /** dockerd's errNoManager, for everything a manager would answer. */
    static final String NOT_A_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" "
            + "to connect this node to swarm and try again.";
    static final String NOT_SUPPORTED = "Berth's engine does not run Swarm: this node cannot create or join a swarm. "
            + "Manage a swarm through a Docker engine (the app connects to one).";

    private static final List<String> MANAGER_PATHS = List.of("/swarm", "/swarm/update", "/swarm/unlockkey",
            "/swarm/unlock",
            "/nodes", "/nodes/{id}", "/nodes/{id}/update", "/services", "/services/create", "/services/{id}",
            "/services/{id}/update", "/services/{id}/logs", "/tasks", "/tasks/{id}", "/tasks/{id}/logs", "/secrets",
            "/secrets/create", "/secrets/{id}", "/secrets/{id}/update", "/configs", "/configs/create", "/configs/{id}",
            "/configs/{id}/update");

    @Override
    public void register(Router r) {
        for (String path : MANAGER_PATHS) {
            for (String method : List.of("GET", "POST", "DELETE")) {
                r.add(method, path, (req, res) -> {
                    throw new UnavailableException(NOT_A_MANAGER);
                });
            }
        }
        r.add("POST", "/swarm/leave", (req, res) -> {
            throw new UnavailableException(NOT_IN_SWARM);
        });
        for (String path : List.of("/swarm/init", "/swarm/join")) {
            r.add("POST", path, (req, res) -> {
                throw new UnavailableException(NOT_SUPPORTED);
            });
        }
    }
}
