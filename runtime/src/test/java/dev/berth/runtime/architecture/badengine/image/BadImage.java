package dev.berth.runtime.architecture.badengine.image;

import dev.berth.runtime.architecture.badengine.container.BoxService;

/** An image that knows containers (and so closes a cycle image ↔ container). */
public record BadImage(long pid) {
    public BoxService owner() {
        return new BoxService();
    }
}
