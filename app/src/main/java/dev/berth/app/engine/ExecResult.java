package dev.berth.app.engine;

/** A finished non-interactive {@code docker exec}: its exit code and what it printed (stdout and stderr together). */
public record ExecResult(int exitCode, String output) {}
