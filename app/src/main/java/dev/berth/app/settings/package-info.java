/** Settings: theme, language and the user's own engine connections, kept with {@code java.util.prefs}. */
package dev.berth.app.settings;
