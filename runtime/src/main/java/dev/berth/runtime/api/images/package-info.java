/**
 * Docker's image endpoints ({@code /images/…}, {@code /auth}, {@code /distribution/…}): pull, push, load, save,
 * tag, remove, prune and inspect, each as a handler over the image services, with Docker's JSON shapes.
 */
package dev.berth.runtime.api.images;
