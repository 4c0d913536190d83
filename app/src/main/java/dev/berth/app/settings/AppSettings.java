package dev.berth.app.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.app.engine.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The app's remembered choices, in a {@link Preferences} node (per user; tests pass a throw-away node). */
public final class AppSettings {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Preferences prefs;

    public AppSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The settings of the current user. */
    public static AppSettings forUser() {
        return new AppSettings(Preferences.userRoot().node("dev/berth/app"));
    }

    public ThemeChoice theme() {
        return enumOr(ThemeChoice.class, prefs.get("theme", ""), ThemeChoice.SYSTEM);
    }

    public void setTheme(ThemeChoice t) {
        put("theme", t.name());
    }

    public LanguageChoice language() {
        return enumOr(LanguageChoice.class, prefs.get("language", ""), LanguageChoice.SYSTEM);
    }

    public void setLanguage(LanguageChoice l) {
        put("language", l.name());
    }

    /** The URI of the engine chosen last, or empty. */
    public String selectedConnection() {
        return prefs.get("connection", "");
    }

    public void setSelectedConnection(String uri) {
        put("connection", uri);
    }

    /** Connections the user added, in the order added. */
    public List<Connection> userConnections() {
        try {
            List<Map<String, String>> raw = JSON.readValue(prefs.get("connections", "[]"), new TypeReference<>() {});
            List<Connection> out = new ArrayList<>();
            for (Map<String, String> m : raw) {
                try {
                    out.add(new Connection(m.get("name"), Connection.Kind.USER, m.get("uri"), m.get("tlsDir")));
                } catch (IllegalArgumentException skipped) {
                    // An entry edited by hand into nonsense is dropped, not fatal.
                }
            }
            return out;
        } catch (Exception corrupt) {
            return List.of();
        }
    }

    public void setUserConnections(List<Connection> connections) {
        try {
            put("connections", JSON.writeValueAsString(connections.stream()
                    .map(c -> Map.of("name", c.name(), "uri", c.uri(), "tlsDir", c.tlsDir())).toList()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Open with only the tray icon showing (where there is a tray). */
    public boolean startMinimized() {
        return prefs.getBoolean("startMinimized", false);
    }

    public void setStartMinimized(boolean on) {
        prefs.putBoolean("startMinimized", on);
        flush();
    }

    /** Closing the window hides it and keeps the app in the tray (where there is one); on by default, as on most desktops. */
    public boolean closeToTray() {
        return prefs.getBoolean("closeToTray", true);
    }

    public void setCloseToTray(boolean on) {
        prefs.putBoolean("closeToTray", on);
        flush();
    }

    /** Where the Berth engine runs ({@code NATIVE} or {@code VM}); empty until the person chose. */
    public String engineKind() {
        return prefs.get("engineKind", "");
    }

    public void setEngineKind(String kind) {
        prefs.put("engineKind", kind);
        flush();
    }

    /** Start the local Berth engine when the app starts, if it is not running. */
    public boolean startEngineWithApp() {
        return prefs.getBoolean("startEngineWithApp", false);
    }

    public void setStartEngineWithApp(boolean on) {
        prefs.putBoolean("startEngineWithApp", on);
        flush();
    }

    public WindowBounds windowBounds() {
        double w = prefs.getDouble("window.width", WindowBounds.DEFAULT.width());
        double h = prefs.getDouble("window.height", WindowBounds.DEFAULT.height());
        return new WindowBounds(prefs.getDouble("window.x", Double.NaN), prefs.getDouble("window.y", Double.NaN),
                Math.max(640, w), Math.max(420, h), prefs.getBoolean("window.maximized", false));
    }

    public void setWindowBounds(WindowBounds b) {
        prefs.putDouble("window.x", b.x());
        prefs.putDouble("window.y", b.y());
        prefs.putDouble("window.width", b.width());
        prefs.putDouble("window.height", b.height());
        prefs.putBoolean("window.maximized", b.maximized());
        flush();
    }

    /** The recent builds of the Build window, as its own JSON. */
    public String recentBuilds() {
        return prefs.get("builds.recent", "[]");
    }

    public void setRecentBuilds(String json) {
        put("builds.recent", json);
    }

    /** A table's column order and widths ({@link dev.berth.app.widgets.ColumnLayout}), or empty. */
    public String columnLayout(String table) {
        return prefs.get("columns." + table, "");
    }

    public void setColumnLayout(String table, String layout) {
        put("columns." + table, layout);
    }

    private void put(String key, String value) {
        prefs.put(key, value);
        flush();
    }

    private void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // Not fatal: the choice still holds for this session.
        }
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
