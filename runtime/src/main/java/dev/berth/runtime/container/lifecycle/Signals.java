package dev.berth.runtime.container.lifecycle;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.linux.SignalNumbers;

/** Signals as {@code docker kill -s} and StopSignal give them, turned into numbers or a 400 (names live in {@link SignalNumbers}). */
public final class Signals {
    public static final int SIGKILL = SignalNumbers.SIGKILL;
    public static final int SIGTERM = SignalNumbers.SIGTERM;

    private Signals() {}

    /** The number of a signal given as a name (with or without SIG), RTMIN+n or a number; 400 for anything else. */
    public static int parse(String text) {
        return SignalNumbers.parse(text).orElseThrow(() -> new InvalidArgumentException("Invalid signal: " + text));
    }
}
