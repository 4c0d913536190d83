package dev.berth.app.engine.swarm;

/**
 * Where the connected engine stands with Swarm ({@code GET /info}'s {@code Swarm}): its local node state
 * ({@code inactive}, {@code pending}, {@code active}, {@code error}, {@code locked}), whether it is a manager (only
 * managers list nodes and services), and, on a manager, the tokens other engines join with.
 */
public record SwarmStatus(String state, String nodeId, String nodeAddress, boolean manager, int nodes, int managers,
        String error, String workerToken, String managerToken) {

    /** The engine is not in a swarm. */
    public static SwarmStatus inactive() {
        return new SwarmStatus("inactive", "", "", false, 0, 0, "", "", "");
    }

    /** True when the engine belongs to a swarm (as a manager or a worker). */
    public boolean active() {
        return state.equals("active");
    }

    /** True when this engine can show and change the swarm's nodes and services. */
    public boolean canManage() {
        return active() && manager;
    }
}
