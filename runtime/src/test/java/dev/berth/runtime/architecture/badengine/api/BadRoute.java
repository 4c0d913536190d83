package dev.berth.runtime.architecture.badengine.api;

import dev.berth.runtime.architecture.badengine.container.BoxService;
import dev.berth.runtime.architecture.badengine.linux.BadSyscalls;

/** A route that makes its own service and calls the Linux layer directly (two rules broken). */
public final class BadRoute {
    public Object handle() {
        return new BoxService().run(new BadSyscalls().pid());
    }
}
