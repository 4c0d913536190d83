package dev.berth.app.settings;

import dev.berth.app.engine.Connection;
import dev.berth.app.support.I18n;
import javafx.beans.property.ObjectProperty;
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
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public SettingsViewModel(AppSettings settings) {
        this.settings = settings;
        theme = new SimpleObjectProperty<>(this, "theme", settings.theme());
        language = new SimpleObjectProperty<>(this, "language", settings.language());
        userConnections = FXCollections.observableArrayList(settings.userConnections());
        theme.addListener((o, a, b) -> settings.setTheme(b));
        language.addListener((o, a, b) -> settings.setLanguage(b));
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    public ObjectProperty<LanguageChoice> languageProperty() {
        return language;
    }

    /** The user's own connections; the shell lists them after the discovered ones. */
    public ObservableList<Connection> userConnections() {
        return FXCollections.unmodifiableObservableList(userConnections);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Adds a connection; returns false (with {@link #errorProperty()} saying why) when name or URI is unusable. */
    public boolean addConnection(String name, String uri) {
        Connection c;
        try {
            c = new Connection(name == null ? "" : name.strip(), Connection.Kind.USER, uri);
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
