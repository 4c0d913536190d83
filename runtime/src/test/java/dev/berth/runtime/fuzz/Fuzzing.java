package dev.berth.runtime.fuzz;

/**
 * The seed of every fuzz property: the build's regression run replays the same 1000 inputs per property, so a
 * build never fails on a new random input; {@code scripts/fuzz N} goes on along the same stream to N inputs.
 */
public final class Fuzzing {
    public static final String SEED = "20261207";

    private Fuzzing() {}
}
