package dev.berth.app.settings;

import atlantafx.base.theme.Styles;
import dev.berth.app.credentials.DockerConfigFile;
import dev.berth.app.support.I18n;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Settings' registry sign-in: server, user and password, the stored sign-ins with Sign out, and what happened. */
final class SignInPane extends VBox {
    SignInPane(SignInViewModel vm) {
        setSpacing(8);
        Label help = muted(I18n.t("signin.help"));
        TextField server = new TextField();
        server.setId("signin-server");
        server.setPromptText(I18n.t("signin.serverPrompt"));
        server.setAccessibleText(I18n.t("signin.server"));
        server.textProperty().bindBidirectional(vm.serverProperty());
        TextField user = new TextField();
        user.setId("signin-user");
        user.setAccessibleText(I18n.t("signin.user"));
        user.textProperty().bindBidirectional(vm.userProperty());
        PasswordField password = new PasswordField();
        password.setId("signin-password");
        password.setAccessibleText(I18n.t("signin.password"));
        password.textProperty().bindBidirectional(vm.passwordProperty());
        Button signIn = new Button(I18n.t("signin.signIn"));
        signIn.setId("signin-submit");
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.disableProperty().bind(vm.busyProperty());
        signIn.setOnAction(e -> vm.signIn());
        password.setOnAction(e -> vm.signIn());
        GridPane form = new GridPane(12, 8);
        form.addRow(0, label("signin.server"), server);
        form.addRow(1, label("signin.user"), user);
        form.addRow(2, label("signin.password"), password);
        form.add(signIn, 1, 3);
        GridPane.setHgrow(server, Priority.ALWAYS);

        Label helper = muted("");
        helper.textProperty().bind(vm.helperNoteProperty());
        helper.getStyleClass().add(Styles.WARNING);
        helper.visibleProperty().bind(vm.helperNoteProperty().isNotEmpty());
        helper.managedProperty().bind(helper.visibleProperty());

        ListView<DockerConfigFile.Entry> list = new ListView<>(vm.signedIn());
        list.setId("signin-list");
        list.setPrefHeight(90);
        list.setAccessibleText(I18n.t("signin.title"));
        list.setPlaceholder(new Label(I18n.t("signin.none", vm.configPath())));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DockerConfigFile.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : I18n.t("signin.entry", e.server(), e.user()));
            }
        });
        Button signOut = new Button(I18n.t("signin.signOut"));
        signOut.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        signOut.setOnAction(e -> {
            var entry = list.getSelectionModel().getSelectedItem();
            if (entry != null) {
                vm.signOut(entry.server());
            }
        });
        Label error = muted("");
        error.getStyleClass().setAll("label", Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        Label notice = muted("");
        notice.getStyleClass().setAll("label", Styles.SUCCESS);
        notice.textProperty().bind(vm.noticeProperty());
        for (Label l : java.util.List.of(error, notice)) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        getChildren().addAll(help, form, helper, error, notice, list, signOut);
    }

    private static Label label(String key) {
        Label l = new Label(I18n.t(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
