package dev.berth.app.engine.swarm;

/**
 * One task of a service as {@code docker service ps} shows it: its name ({@code web.3}), the node it was given
 * to, the state it should reach and the one it is in ({@code running}, {@code shutdown}, {@code failed}, …), the
 * swarm's message and error, the image it runs and when its state last changed.
 */
public record SwarmTask(String id, String serviceId, String name, int slot, String nodeId, String node,
        String desiredState, String state, String message, String error, String image, String updatedAt) {

    /** True while the task runs or is on its way to run (what counts as a replica). */
    public boolean live() {
        return desiredState.equals("running") && !state.equals("failed") && !state.equals("shutdown")
                && !state.equals("rejected") && !state.equals("complete");
    }
}
