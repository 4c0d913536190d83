package dev.berth.runtime.check;

import java.io.IOException;

/**
 * One thing wrong in the data root, in words, with how {@code --repair} mends it (null when a person must decide).
 *
 * @param area  images, layers, blobs, containers or volumes
 * @param repair deletes what is half-made; null for a problem that deleting would not solve
 */
public record Finding(String area, String problem, Repair repair) {
    /** A repair: removing files. */
    @FunctionalInterface
    public interface Repair {
        void run() throws IOException;
    }

    public boolean repairable() {
        return repair != null;
    }

    @Override
    public String toString() {
        return area + ": " + problem + (repairable() ? "" : " (not repaired: needs a person)");
    }
}
