package dev.berth.runtime.architecture.badengine.container;

import dev.berth.runtime.architecture.badengine.image.BadImage;

/** A service that the bad route constructs itself; it knows images, and images know it (a cycle). */
public final class BoxService {
    public Object run(long pid) {
        return new BadImage(pid);
    }
}
