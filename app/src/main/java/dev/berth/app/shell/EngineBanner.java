package dev.berth.app.shell;

import atlantafx.base.theme.Styles;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Shown above the pages while the chosen engine does not answer: why, a Retry button, and for the Berth engine an
 * offer to start it (with its progress, and the engine's last log lines if it failed).
 */
final class EngineBanner extends VBox {
    EngineBanner(ShellViewModel shell) {
        getStyleClass().add("engine-banner");
        setSpacing(8);
        Label title = new Label();
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        Label detail = new Label();
        detail.setWrapText(true);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Button start = Buttons.action(I18n.t("engine.start"), shell::startLocalEngine, Styles.ACCENT);
        Button retry = Buttons.action(I18n.t("engine.retry"), shell::reconnect);
        // An ssh host whose key is not known yet: the detail shows its fingerprint; trusting it is the person's call.
        Button trust = Buttons.action(I18n.t("engine.trustHostKey"), shell::trustHostKeyAndReconnect);
        trust.visibleProperty().bind(shell.untrustedHostKeyProperty().isNotNull());
        trust.managedProperty().bind(trust.visibleProperty());
        HBox actions = new HBox(8, spinner, start, trust, retry);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TextArea log = new TextArea();
        log.setEditable(false);
        log.setPrefRowCount(6);
        log.setAccessibleText(I18n.t("engine.log"));
        log.getStyleClass().add("engine-log");
        getChildren().addAll(title, detail, actions, log);
        HBox.setHgrow(detail, Priority.ALWAYS);

        Runnable update = () -> {
            boolean unreachable = shell.stateProperty().get() == EngineState.UNREACHABLE;
            var local = shell.localStatusProperty().get();
            boolean localOffer = shell.offersLocalStart();
            boolean starting = localOffer && local != null && local.state() == LocalEngineController.State.STARTING;
            boolean failed = localOffer && local != null && local.state() == LocalEngineController.State.ERROR;
            setVisible(unreachable);
            setManaged(unreachable);
            title.setText(starting ? I18n.t("engine.starting") : failed ? I18n.t("engine.failed")
                    : localOffer ? I18n.t("engine.berthNotRunning") : I18n.t("engine.cannotReach"));
            // While starting, the VM's boot stage ("Starting the engine"); after a failure, the reason in words.
            // Once stopped, the launcher's own reason (the VM was killed) says more than the client's broken stream.
            boolean reason = localOffer && local != null && !local.message().isBlank();
            detail.setText(starting || failed || reason ? local.message() : shell.engineErrorProperty().get());
            spinner.setVisible(starting);
            spinner.setManaged(starting);
            start.setVisible(localOffer && !starting);
            start.setManaged(localOffer && !starting);
            log.setText(failed ? String.join("\n", local.lastLogLines()) : "");
            log.setVisible(failed && !local.lastLogLines().isEmpty());
            log.setManaged(log.isVisible());
            // The cause is usually in the last lines.
            log.positionCaret(log.getLength());
            log.setScrollTop(Double.MAX_VALUE);
        };
        shell.stateProperty().addListener((o, a, b) -> update.run());
        shell.engineErrorProperty().addListener((o, a, b) -> update.run());
        shell.localStatusProperty().addListener((o, a, b) -> update.run());
        update.run();
    }
}
