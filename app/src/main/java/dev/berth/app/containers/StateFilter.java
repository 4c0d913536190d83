package dev.berth.app.containers;

import dev.berth.app.engine.ContainerSummary;

/** Which containers to show, by the engine's state word. */
public enum StateFilter {
    ALL, RUNNING, STOPPED, PAUSED;

    public boolean accepts(ContainerSummary c) {
        return switch (this) {
            case ALL -> true;
            case RUNNING -> c.state().equals("running") || c.state().equals("restarting");
            case PAUSED -> c.state().equals("paused");
            case STOPPED -> c.state().equals("exited") || c.state().equals("created") || c.state().equals("dead");
        };
    }
}
