package dev.berth.app.settings;

import atlantafx.base.theme.Styles;
import dev.berth.app.engine.Connection;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import dev.berth.app.widgets.Page;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Settings page: appearance, language, the user's connections and (from the shell) the local engine. */
public final class SettingsView implements Page {
    private final SettingsViewModel vm;
    private final VBox content = new VBox(18);
    private final ScrollPane root = new ScrollPane(content);

    /**
     * @param enginePanel the local engine's status and controls, owned by the shell
     * @param signIn      registry sign-in state
     */
    public SettingsView(SettingsViewModel vm, SignInViewModel signIn, Node enginePanel) {
        this.vm = vm;
        Label title = new Label(I18n.t("settings.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        content.getChildren().addAll(title, section("settings.appearance", appearance()),
                section("settings.desktop", desktop()), section("settings.localEngine", enginePanel),
                section("signin.title", new SignInPane(signIn)), section("settings.connections", connections()));
        content.setPadding(new Insets(0, 8, 8, 0));
        root.setFitToWidth(true);
        root.getStyleClass().addAll("page", atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
    }

    private static Node section(String key, Node body) {
        Label l = new Label(I18n.t(key));
        l.getStyleClass().add(Styles.TITLE_4);
        return new VBox(8, l, body);
    }

    private Node appearance() {
        ComboBox<ThemeChoice> theme = choice(ThemeChoice.values(), t -> I18n.t("theme." + t.name().toLowerCase()));
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        theme.setAccessibleText(I18n.t("settings.theme"));
        ComboBox<LanguageChoice> language = choice(LanguageChoice.values(),
                l -> I18n.t("language." + l.name().toLowerCase()));
        language.valueProperty().bindBidirectional(vm.languageProperty());
        language.setAccessibleText(I18n.t("settings.language"));
        GridPane g = new GridPane(12, 8);
        g.addRow(0, new Label(I18n.t("settings.theme")), theme);
        g.addRow(1, new Label(I18n.t("settings.language")), language);
        return g;
    }

    private Node desktop() {
        javafx.scene.control.CheckBox atLogin = check("settings.openAtLogin", vm.openAtLoginProperty());
        atLogin.setVisible(vm.openAtLoginSupported());
        atLogin.setManaged(vm.openAtLoginSupported());
        javafx.scene.control.CheckBox minimized = check("settings.startMinimized", vm.startMinimizedProperty());
        javafx.scene.control.CheckBox toTray = check("settings.closeToTray", vm.closeToTrayProperty());
        javafx.scene.control.CheckBox engine = check("settings.startEngine", vm.startEngineWithAppProperty());
        Label noTray = new Label();
        noTray.setWrapText(true);
        noTray.getStyleClass().add(Styles.TEXT_MUTED);
        noTray.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> vm.trayMissingProperty().get().isEmpty() ? "" : I18n.t("settings.noTray",
                                I18n.t("tray.reason." + vm.trayMissingProperty().get())),
                        vm.trayMissingProperty()));
        noTray.visibleProperty().bind(vm.trayMissingProperty().isNotEmpty());
        noTray.managedProperty().bind(noTray.visibleProperty());
        minimized.disableProperty().bind(vm.trayMissingProperty().isNotEmpty());
        toTray.disableProperty().bind(vm.trayMissingProperty().isNotEmpty());
        return new VBox(8, atLogin, minimized, toTray, engine, noTray);
    }

    private static javafx.scene.control.CheckBox check(String key, javafx.beans.property.BooleanProperty p) {
        javafx.scene.control.CheckBox c = new javafx.scene.control.CheckBox(I18n.t(key));
        c.setAccessibleText(I18n.t(key));
        c.setMnemonicParsing(false);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private static <T> ComboBox<T> choice(T[] values, java.util.function.Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            public String toString(T v) {
                return v == null ? "" : label.apply(v);
            }

            public T fromString(String s) {
                return null;
            }
        });
        return box;
    }

    private Node connections() {
        Label help = new Label(I18n.t("settings.connectionsHelp"));
        help.setWrapText(true);
        help.getStyleClass().add(Styles.TEXT_MUTED);
        ListView<Connection> list = new ListView<>(vm.userConnections());
        list.setPrefHeight(120);
        list.setAccessibleText(I18n.t("settings.connections"));
        list.setPlaceholder(new Label(I18n.t("settings.noConnections")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Connection c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.name() + "  —  " + c.uri() + (c.usesTls() ? "  (TLS)" : ""));
            }
        });
        Button remove = Buttons.action(I18n.t("action.remove"), () -> {
            Connection c = list.getSelectionModel().getSelectedItem();
            if (c != null) {
                vm.removeConnection(c);
            }
        });
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        TextField name = new TextField();
        name.setPromptText(I18n.t("settings.connectionName"));
        name.setAccessibleText(I18n.t("settings.connectionName"));
        TextField uri = new TextField();
        uri.setPromptText("unix:///var/run/docker.sock  ·  tcp://host:2375  ·  ssh://user@host");
        uri.setAccessibleText(I18n.t("settings.connectionUri"));
        HBox.setHgrow(uri, Priority.ALWAYS);
        TextField tls = new TextField();
        tls.setPromptText(I18n.t("settings.connectionTlsPrompt"));
        tls.setAccessibleText(I18n.t("settings.connectionTls"));
        HBox.setHgrow(tls, Priority.ALWAYS);
        Button add = Buttons.action(I18n.t("action.add"), () -> {
            if (vm.addConnection(name.getText(), uri.getText(), tls.getText())) {
                name.clear();
                uri.clear();
                tls.clear();
            }
        });
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        return new VBox(8, help, list, remove, new HBox(8, name, uri), new HBox(8, tls, add), error);
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void focusSearch() {
        // Settings has nothing to search.
    }

    @Override
    public void refresh() {
        // Settings are local; nothing to reload from the engine.
    }

    @Override
    public void deleteSelected() {
        // Removal here goes through the Remove button next to the list.
    }
}
