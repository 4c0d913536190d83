package dev.berth.app.architecture.badapp.shell;

/** The shell of the bad app. */
public final class BadNavigation {
}
