package dev.berth.app.engine.swarm;

/** A secret or a config of the swarm: its id, name and when it was made (their data is never read back). */
public record SwarmObject(String id, String name, String createdAt) {
}
