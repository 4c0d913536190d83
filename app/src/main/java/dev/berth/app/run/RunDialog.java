package dev.berth.app.run;

import atlantafx.base.theme.Styles;
import dev.berth.app.engine.RunSpec;
import dev.berth.app.support.I18n;
import static dev.berth.app.widgets.Forms.area;
import static dev.berth.app.widgets.Forms.field;
import static dev.berth.app.widgets.Forms.grow;
import static dev.berth.app.widgets.Forms.key;
import static dev.berth.app.widgets.Forms.message;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The Run window: a form for {@code docker run -d}, the equivalent command line below it (copyable), and Run. */
public final class RunDialog {
    private final RunViewModel vm;
    private final Stage stage = new Stage();

    public RunDialog(RunViewModel vm, Window owner) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(I18n.t("run.title"));

        GridPane form = new GridPane(12, 8);
        form.getColumnConstraints().addAll(new ColumnConstraints(), grow());
        int row = 0;
        form.addRow(row++, key("run.image"), field(vm.imageProperty(), "run.image", "busybox:latest", "run-image"));
        form.addRow(row++, key("run.name"), field(vm.nameProperty(), "run.name", I18n.t("run.namePrompt"), "run-name"));
        form.addRow(row++, key("run.ports"), area(vm.portsProperty(), "run.ports", "8080:80", "run-ports"));
        form.addRow(row++, key("run.env"), area(vm.envProperty(), "run.env", "GREETING=hello", "run-env"));
        form.addRow(row++, key("run.volumes"),
                area(vm.volumesProperty(), "run.volumes", "data:/data\n/srv/site:/site:ro",
                        "run-volumes"));
        form.addRow(row++, key("run.command"), field(vm.commandProperty(), "run.command", I18n.t("run.commandPrompt"),
                "run-command"));
        form.addRow(row++, key("run.restart"), restartChoice());
        form.addRow(row++, key("run.network"), networkChoice());
        CheckBox rm = new CheckBox(I18n.t("run.autoRemove"));
        rm.setId("run-rm");
        rm.selectedProperty().bindBidirectional(vm.autoRemoveProperty());
        form.add(rm, 1, row);

        Label lineTitle = new Label(I18n.t("run.equivalent"));
        lineTitle.getStyleClass().add(Styles.TEXT_MUTED);
        TextArea line = new TextArea();
        line.setId("run-line");
        line.setEditable(false);
        line.setWrapText(true);
        line.setPrefRowCount(4);
        line.getStyleClass().add("command-line");
        line.textProperty().bind(vm.commandLineProperty());
        line.setAccessibleText(I18n.t("run.equivalent"));
        Button copy = new Button(I18n.t("run.copy"));
        copy.setAccessibleText(I18n.t("run.copy"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.commandLineProperty().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        HBox.setHgrow(line, Priority.ALWAYS);
        HBox lineRow = new HBox(8, line, copy);
        VBox.setVgrow(lineRow, Priority.ALWAYS);

        Label problem = message(vm.problemProperty(), Styles.WARNING, "run-problem");
        Label error = message(vm.errorProperty(), Styles.DANGER, "run-error");
        Button cancel = new Button(I18n.t("action.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Button run = new Button(I18n.t("run.run"));
        run.setId("run-submit");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.problemProperty().isNotEmpty().or(vm.runningProperty()));
        run.setOnAction(e -> vm.run());
        HBox buttons = new HBox(8, cancel, run);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        vm.startedProperty().addListener((o, a, b) -> {
            if (b) {
                stage.close();
            }
        });

        VBox root = new VBox(10, form, lineTitle, lineRow, problem, error, buttons);
        root.setPadding(new Insets(16));
        stage.setScene(new Scene(root, 660, 700));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        vm.loadNetworks();
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private Node restartChoice() {
        ComboBox<RunSpec.RestartPolicy.Kind> kind = new ComboBox<>();
        kind.setId("run-restart");
        kind.getItems().setAll(RunSpec.RestartPolicy.Kind.values());
        kind.setConverter(new StringConverter<>() {
            public String toString(RunSpec.RestartPolicy.Kind k) {
                return k == null ? "" : I18n.t("run.restart." + k.name().toLowerCase());
            }

            public RunSpec.RestartPolicy.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.restartProperty());
        kind.setAccessibleText(I18n.t("run.restart"));
        TextField retries = new TextField();
        retries.setPromptText(I18n.t("run.maxRetries"));
        retries.setAccessibleText(I18n.t("run.maxRetries"));
        retries.setPrefColumnCount(10);
        retries.textProperty().bindBidirectional(vm.maxRetriesProperty());
        retries.visibleProperty().bind(vm.restartProperty().isEqualTo(RunSpec.RestartPolicy.Kind.ON_FAILURE));
        HBox box = new HBox(8, kind, retries);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node networkChoice() {
        ComboBox<String> net = new ComboBox<>();
        net.setId("run-network");
        net.setEditable(true);
        net.setPrefWidth(300);
        net.setItems(vm.networks());
        net.setPromptText(I18n.t("run.networkDefault"));
        net.setAccessibleText(I18n.t("run.network"));
        net.valueProperty().bindBidirectional(vm.networkProperty());
        return net;
    }
}
