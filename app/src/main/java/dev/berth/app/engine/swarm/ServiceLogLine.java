package dev.berth.app.engine.swarm;

import dev.berth.app.engine.LogLine;

/** One line of a service's log, with the task and node it came from (the engine's {@code details}). */
public record ServiceLogLine(String taskId, String nodeId, LogLine line) {
}
