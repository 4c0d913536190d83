package dev.berth.app.settings;

import dev.berth.app.engine.Connection;
import dev.berth.app.support.I18n;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Theme, language and user-added connections; every change is saved at once. */
public final class SettingsViewModel {
    private final AppSettings settings;
    private final ObjectProperty<ThemeChoice> theme;
    private final ObjectProperty<LanguageChoice> language;
    private final ObservableList<Connection> userConnections;
    /** One read-only view for every caller (a view per call would drop listeners when collected). */
    private final ObservableList<Connection> userConnectionsView;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanProperty startMinimized;
    private final BooleanProperty closeToTray;
    private final BooleanProperty startEngineWithApp;
    private final LoginItem loginItem;
    private final BooleanProperty openAtLogin;
    private final ReadOnlyStringWrapper trayMissing = new ReadOnlyStringWrapper(this, "trayMissing", "");

    public SettingsViewModel(AppSettings settings) {
        this(settings, new LoginItem(null, ""));
    }

    public SettingsViewModel(AppSettings settings, LoginItem loginItem) {
        this.settings = settings;
        this.loginItem = loginItem;
        openAtLogin = new SimpleBooleanProperty(this, "openAtLogin", loginItem.enabled());
        openAtLogin.addListener((o, a, b) -> {
            try {
                loginItem.setEnabled(b);
                error.set("");
            } catch (java.io.IOException e) {
                error.set(I18n.t("settings.loginItemFailed", e.getMessage()));
            }
        });
        theme = new SimpleObjectProperty<>(this, "theme", settings.theme());
        language = new SimpleObjectProperty<>(this, "language", settings.language());
        userConnections = FXCollections.observableArrayList(settings.userConnections());
        userConnectionsView = FXCollections.unmodifiableObservableList(userConnections);
        startMinimized = new SimpleBooleanProperty(this, "startMinimized", settings.startMinimized());
        closeToTray = new SimpleBooleanProperty(this, "closeToTray", settings.closeToTray());
        startEngineWithApp = new SimpleBooleanProperty(this, "startEngineWithApp", settings.startEngineWithApp());
        startMinimized.addListener((o, a, b) -> settings.setStartMinimized(b));
        closeToTray.addListener((o, a, b) -> settings.setCloseToTray(b));
        startEngineWithApp.addListener((o, a, b) -> settings.setStartEngineWithApp(b));
        theme.addListener((o, a, b) -> settings.setTheme(b));
        language.addListener((o, a, b) -> settings.setLanguage(b));
    }

    public BooleanProperty startMinimizedProperty() {
        return startMinimized;
    }

    /** Whether the desktop opens Berth at login (the person's own autostart entry). */
    public BooleanProperty openAtLoginProperty() {
        return openAtLogin;
    }

    /** Whether this desktop can open apps at login (Linux's XDG autostart). */
    public boolean openAtLoginSupported() {
        return loginItem.supported();
    }

    public BooleanProperty closeToTrayProperty() {
        return closeToTray;
    }

    public BooleanProperty startEngineWithAppProperty() {
        return startEngineWithApp;
    }

    /** Why this desktop has no tray (then the tray options do not apply), or empty when it has one. */
    public ReadOnlyStringProperty trayMissingProperty() {
        return trayMissing.getReadOnlyProperty();
    }

    /** Records whether the desktop has a tray, as detected at start-up. */
    public void setTrayMissing(String reason) {
        trayMissing.set(reason == null ? "" : reason);
    }

    /** Whether closing the window should keep the app running: only with a tray, and when the person wants it. */
    public boolean keepsRunningWhenClosed() {
        return trayMissing.get().isEmpty() && closeToTray.get();
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    public ObjectProperty<LanguageChoice> languageProperty() {
        return language;
    }

    /** The user's own connections; the shell lists them after the discovered ones. */
    public ObservableList<Connection> userConnections() {
        return userConnectionsView;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Adds a connection; returns false (with {@link #errorProperty()} saying why) when name or URI is unusable. */
    public boolean addConnection(String name, String uri) {
        return addConnection(name, uri, "");
    }

    /**
     * Adds a connection, over TLS with the certificates in {@code tlsDir} when it is not blank; returns false (with
     * {@link #errorProperty()} saying why) when the name, URI or certificate folder is unusable.
     */
    public boolean addConnection(String name, String uri, String tlsDir) {
        Connection c;
        try {
            String certs = tlsDir == null ? "" : tlsDir.strip();
            if (!certs.isEmpty()) {
                String problem = Connection.tlsProblem(java.nio.file.Path.of(certs));
                if (!problem.isEmpty()) {
                    error.set(I18n.t("settings.tlsUnusable", problem));
                    return false;
                }
            }
            c = new Connection(name == null ? "" : name.strip(), Connection.Kind.USER, uri, certs);
        } catch (IllegalArgumentException e) {
            error.set(name == null || name.isBlank() ? I18n.t("settings.connectionNeedsName") : e.getMessage());
            return false;
        }
        if (userConnections.stream().anyMatch(x -> x.uri().equals(c.uri()))) {
            error.set(I18n.t("settings.connectionExists", c.uri()));
            return false;
        }
        error.set("");
        userConnections.add(c);
        settings.setUserConnections(userConnections);
        return true;
    }

    public void removeConnection(Connection c) {
        userConnections.remove(c);
        settings.setUserConnections(userConnections);
    }
}
