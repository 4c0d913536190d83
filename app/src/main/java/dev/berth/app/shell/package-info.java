/**
 * The window around the pages: sidebar navigation, the engine picker and status, the banner that offers to start
 * the local engine, theme and language, keyboard shortcuts, and {@link dev.berth.app.shell.AppContext}, which builds
 * every ViewModel and routes live engine events to the pages that show them.
 */
package dev.berth.app.shell;
