package dev.berth.app.architecture.badapp.alpha;

import dev.berth.app.architecture.badapp.beta.BetaView;

/** A feature that opens another feature's View itself instead of asking the shell. */
public final class AlphaPanel {
    public Object open() {
        return new BetaView();
    }
}
