package dev.berth.runtime.image.registry;

import java.io.IOException;

/** Supplies a value that may need IO to produce, e.g. a fresh stream over a blob for each upload attempt. */
@FunctionalInterface
public interface IOSupplier<T> {
    T get() throws IOException;
}
