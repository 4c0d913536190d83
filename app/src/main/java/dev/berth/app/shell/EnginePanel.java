package dev.berth.app.shell;

import atlantafx.base.theme.Styles;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The local Berth engine in Settings: its state, Start/Stop, how it is started and where its log is. */
final class EnginePanel extends VBox {
    EnginePanel(ShellViewModel shell, LocalEngineController controller) {
        setSpacing(8);
        Label state = new Label();
        Label message = new Label();
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        Button start = Buttons.action(I18n.t("engine.start"), shell::startLocalEngine);
        Button stop = Buttons.action(I18n.t("engine.stop"), shell::stopLocalEngine);
        Button restart = Buttons.action(I18n.t("engine.restart"), shell::restartLocalEngine);
        // Who runs the engine decides where its log is and who may stop it; say both.
        Label launch = new Label(I18n.t("engine.launch." + controller.launchMode().name().toLowerCase()));
        launch.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        launch.setWrapText(true);
        Label log = new Label(I18n.t("engine.logFile", controller.logLocation()));
        log.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        getChildren().addAll(state, message, new HBox(8, start, stop, restart), launch, log);
        Runnable update = () -> {
            LocalEngineController.Status s = shell.localStatusProperty().get();
            state.setText(I18n.t("engine.localState", I18n.t("engine.state." + s.state().name().toLowerCase())));
            message.setText(s.message());
            message.setVisible(!s.message().isBlank());
            message.setManaged(message.isVisible());
            start.setDisable(s.state() == LocalEngineController.State.STARTING
                    || s.state() == LocalEngineController.State.RUNNING);
            stop.setDisable(s.state() != LocalEngineController.State.RUNNING);
            restart.setDisable(s.state() != LocalEngineController.State.RUNNING);
        };
        shell.localStatusProperty().addListener((o, a, b) -> update.run());
        update.run();
    }
}
