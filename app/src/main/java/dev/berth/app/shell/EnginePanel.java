package dev.berth.app.shell;

import atlantafx.base.theme.Styles;
import dev.berth.app.localengine.EngineChoiceViewModel;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.localengine.LocalEngines;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The local Berth engine in Settings: its state (with the Berth VM's boot stage while it starts), Start/Stop, who
 * runs it and where its log is; and where it runs — natively or in the Berth VM, with the VM's size.
 */
final class EnginePanel extends VBox {
    EnginePanel(ShellViewModel shell, LocalEngineController controller, EngineChoiceViewModel choice) {
        setSpacing(8);
        Label state = new Label();
        state.setId("engine-state");
        Label message = new Label();
        message.setId("engine-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        Button start = Buttons.action(I18n.t("engine.start"), shell::startLocalEngine);
        Button stop = Buttons.action(I18n.t("engine.stop"), shell::stopLocalEngine);
        Button restart = Buttons.action(I18n.t("engine.restart"), shell::restartLocalEngine);
        // Who runs the engine decides where its log is and who may stop it; say both.
        Label launch = new Label();
        launch.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        launch.setWrapText(true);
        Label log = new Label();
        log.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        getChildren().addAll(state, message, new HBox(8, start, stop, restart), launch, log);
        if (choice != null) {
            getChildren().add(where(choice));
        }
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
            launch.setText(I18n.t("engine.launch." + controller.launchMode().name().toLowerCase()));
            log.setText(I18n.t("engine.logFile", controller.logLocation()));
        };
        shell.localStatusProperty().addListener((o, a, b) -> update.run());
        update.run();
    }

    /** Natively or in the Berth VM, and the VM's size; applied together. */
    private static Node where(EngineChoiceViewModel choice) {
        Label title = new Label(I18n.t("engine.where"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        ToggleGroup group = new ToggleGroup();
        RadioButton natively = new RadioButton(I18n.t("engine.where.native"));
        natively.setId("engine-native");
        natively.setToggleGroup(group);
        natively.setUserData(LocalEngines.Kind.NATIVE);
        RadioButton vm = new RadioButton(I18n.t("engine.where.vm"));
        vm.setId("engine-vm");
        vm.setToggleGroup(group);
        vm.setUserData(LocalEngines.Kind.VM);
        group.selectToggle(choice.kindProperty().get() == LocalEngines.Kind.VM ? vm : natively);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                choice.kindProperty().set((LocalEngines.Kind) b.getUserData());
            }
        });
        GridPane size = new GridPane();
        size.setHgap(8);
        size.setVgap(6);
        size.addRow(0, new Label(I18n.t("engine.vm.cpus")), field("vm-cpus", choice.cpusProperty(), 5));
        size.addRow(1, new Label(I18n.t("engine.vm.memory")), field("vm-memory", choice.memoryMiBProperty(), 5));
        size.addRow(2, new Label(I18n.t("engine.vm.disk")), field("vm-disk", choice.diskGiBProperty(), 5));
        size.addRow(3, new Label(I18n.t("engine.vm.idle")), field("vm-idle", choice.idleMinutesProperty(), 5));
        Label sizeNote = new Label(I18n.t("engine.vm.sizeNote"));
        sizeNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        sizeNote.setWrapText(true);
        Button apply = Buttons.action(I18n.t("engine.apply"), choice::apply);
        apply.setId("engine-apply");
        apply.disableProperty().bind(choice.busyProperty());
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(choice.errorProperty());
        VBox box = new VBox(8, title, natively, vm, size, sizeNote, new HBox(8, apply, error));
        box.getStyleClass().add("engine-where");
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(value);
        return f;
    }
}
