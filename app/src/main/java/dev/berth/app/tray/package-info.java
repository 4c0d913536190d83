/**
 * The tray icon. {@link dev.berth.app.tray.TrayController} holds what the menu shows and does (engine state,
 * Open dashboard, Start / Stop / Restart engine, Quit) without touching AWT, so it is tested like a ViewModel;
 * {@link dev.berth.app.tray.AwtTray} puts it into the desktop's tray through {@link java.awt.SystemTray} where the
 * desktop has one. Where it has none (GNOME without an extension, headless), {@link dev.berth.app.tray.TraySupport}
 * says so and the window keeps every action and quits when closed.
 */
package dev.berth.app.tray;
