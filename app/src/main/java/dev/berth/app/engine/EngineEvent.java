package dev.berth.app.engine;

/** One event of {@code GET /events}: {@code type} is container, image, volume, network…; {@code action} start, die, pull… */
public record EngineEvent(String type, String action, String actorId) {}
