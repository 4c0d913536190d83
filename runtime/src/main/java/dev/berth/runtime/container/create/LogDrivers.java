package dev.berth.runtime.container.create;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.Set;

/**
 * The log drivers berthd offers and the default, settled at create as dockerd does: an absent or empty
 * {@code LogConfig.Type} becomes {@code json-file} (docker-py collects a container's output only for json-file or
 * journald), and a driver berthd does not have is refused then, not at start.
 */
final class LogDrivers {
    static final String DEFAULT = "json-file";
    /** json-file and local differ only in their rotation defaults here; none keeps nothing to read. */
    static final Set<String> SUPPORTED = Set.of("json-file", "local", "none");

    private LogDrivers() {}

    static void fillIn(ObjectNode hostConfig) {
        JsonNode given = hostConfig.get("LogConfig");
        ObjectNode log = given instanceof ObjectNode o ? o : hostConfig.putObject("LogConfig");
        String type = log.path("Type").asText("");
        if (type.isEmpty()) {
            log.put("Type", DEFAULT);
        } else if (!SUPPORTED.contains(type)) {
            // dockerd's words exactly: clients (docker-py's tests among them) match on them.
            throw new InvalidArgumentException("logger: no log driver named '" + type + "' is registered");
        }
        if (!(log.get("Config") instanceof ObjectNode)) {
            log.putObject("Config");
        }
    }
}
