package dev.berth.app.shell;

import atlantafx.base.theme.Styles;
import dev.berth.app.support.I18n;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** The bottom line of the window: a colored dot, the engine's name and version, and its address. Always visible. */
final class StatusBar extends HBox {
    StatusBar(ShellViewModel shell) {
        getStyleClass().add("status-bar");
        setSpacing(8);
        Circle dot = new Circle(5);
        Label engine = new Label();
        engine.setId("engine-status");
        Label address = new Label();
        address.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(dot, engine, spacer, address);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Runnable update = () -> {
            var c = shell.currentProperty().get();
            String name = c == null ? "" : c.isLocalBerth() ? I18n.t("engine.berth") : c.name();
            String text = switch (shell.stateProperty().get()) {
                case CONNECTING -> I18n.t("engine.connecting", name);
                case CONNECTED -> I18n.t("engine.connected", name, shell.engineLabelProperty().get());
                case UNREACHABLE -> I18n.t("engine.unreachable", name);
            };
            engine.setText(text);
            engine.setAccessibleText(text);
            address.setText(c == null ? "" : c.uri());
            dot.getStyleClass().setAll("status-dot", "status-" + shell.stateProperty().get().name().toLowerCase());
        };
        shell.stateProperty().addListener((o, a, b) -> update.run());
        shell.engineLabelProperty().addListener((o, a, b) -> update.run());
        shell.currentProperty().addListener((o, a, b) -> update.run());
        update.run();
    }
}
