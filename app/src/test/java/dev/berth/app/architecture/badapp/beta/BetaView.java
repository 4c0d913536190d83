package dev.berth.app.architecture.badapp.beta;

import dev.berth.app.architecture.badapp.shell.BadNavigation;

/** A feature's View that imports the shell. */
public final class BetaView {
    public Object back() {
        return new BadNavigation();
    }
}
