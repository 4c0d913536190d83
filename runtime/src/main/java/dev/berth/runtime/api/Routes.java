package dev.berth.runtime.api;

import dev.berth.runtime.api.http.Router;

/** A group of API routes for one resource (system, images, containers, ...); the daemon registers every group on one router. */
public interface Routes {
    /** Adds this group's routes to {@code router}. */
    void register(Router router);
}
