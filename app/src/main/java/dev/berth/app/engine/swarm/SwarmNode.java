package dev.berth.app.engine.swarm;

/**
 * One node of the swarm as {@code docker node ls} shows it: role ({@code manager}/{@code worker}), availability
 * ({@code active}, {@code pause}, {@code drain}), status ({@code ready}, {@code down}, …), manager status
 * ({@code Leader}, {@code Reachable}, {@code Unreachable}, empty for workers), the engine's version, and whether it
 * is the node of the engine the app is connected to.
 */
public record SwarmNode(String id, String hostname, String role, String availability, String state,
        String managerStatus, String engineVersion, String address, boolean self) {
}
