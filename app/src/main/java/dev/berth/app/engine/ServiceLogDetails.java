package dev.berth.app.engine;

import dev.berth.app.engine.swarm.ServiceLogLine;

/**
 * Takes a service log line apart: with {@code details=1} the engine puts
 * {@code com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,com.docker.swarm.task.id=…} and a space before
 * the text, which is how {@code docker service logs} knows which task said what.
 */
final class ServiceLogDetails {
    private ServiceLogDetails() {}

    static ServiceLogLine parse(LogLine line) {
        String text = line.text();
        int space = text.indexOf(' ');
        String head = space < 0 ? text : text.substring(0, space);
        if (!head.contains("com.docker.swarm.")) {
            return new ServiceLogLine("", "", line);
        }
        String task = "";
        String node = "";
        for (String pair : head.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (key.equals("com.docker.swarm.task.id")) {
                task = value;
            } else if (key.equals("com.docker.swarm.node.id")) {
                node = value;
            }
        }
        String rest = space < 0 ? "" : text.substring(space + 1);
        return new ServiceLogLine(task, node, new LogLine(line.stream(), line.time(), rest));
    }
}
