package dev.berth.app.settings;

/** Light, dark, or whatever the desktop uses (followed live where the platform reports it). */
public enum ThemeChoice {
    SYSTEM, LIGHT, DARK
}
