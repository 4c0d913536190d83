/**
 * Berth's own API beside the Docker one, under {@code /berth/v1/}: things no Docker endpoint answers, such as the
 * X-ray of a container. Clients detect it with {@code GET /berth/v1/info}; dockerd and podman answer 404 there.
 */
package dev.berth.runtime.api.berth;
