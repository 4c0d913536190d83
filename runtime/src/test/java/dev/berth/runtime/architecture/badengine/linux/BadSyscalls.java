package dev.berth.runtime.architecture.badengine.linux;

import dev.berth.runtime.architecture.badengine.api.BadRoute;

/** The Linux layer reaching up into the API (which it must never import). */
public final class BadSyscalls {
    public long pid() {
        return BadRoute.class.hashCode();
    }
}
