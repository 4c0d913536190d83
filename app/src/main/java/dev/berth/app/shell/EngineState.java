package dev.berth.app.shell;

/** How the app stands with the chosen engine. */
public enum EngineState { CONNECTING, CONNECTED, UNREACHABLE }
