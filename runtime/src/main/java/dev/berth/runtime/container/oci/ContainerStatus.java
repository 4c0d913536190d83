package dev.berth.runtime.container.oci;

import java.util.Locale;

/** Runtime-spec container status (runtime.md "State"), plus paused which runc and crun report. */
public enum ContainerStatus {
    CREATING, CREATED, RUNNING, PAUSED, STOPPED;

    /** Parses the runtime's lower-case status word. */
    public static ContainerStatus parse(String status) {
        return valueOf(status.trim().toUpperCase(Locale.ROOT));
    }

    /** Only a created container can be started. */
    public boolean canStart() {
        return this == CREATED;
    }

    /** Processes exist that can get signals. */
    public boolean isAlive() {
        return this == CREATED || this == RUNNING || this == PAUSED;
    }
}
