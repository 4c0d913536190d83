package dev.berth.runtime.container.xray;

/** A path the container added, changed or deleted on top of its image (what {@code docker diff} lists). */
public record FileChange(String path, String kind) {}
