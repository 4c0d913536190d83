package dev.berth.app.engine;

/** What a prune freed, in bytes. */
public record PruneResult(long spaceReclaimed) {}
