package dev.berth.app.builds;

import atlantafx.base.theme.Styles;
import dev.berth.app.support.I18n;
import static dev.berth.app.widgets.Forms.field;
import static dev.berth.app.widgets.Forms.grow;
import static dev.berth.app.widgets.Forms.key;
import static dev.berth.app.widgets.Forms.message;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The Build window: the form on top (folder, Dockerfile, name, build arguments, target, cache and pull switches, a
 * recent build to run again), the equivalent {@code docker build} line, then the build as it runs — a progress bar,
 * the steps (cached, running, done, failed) and the output of the chosen step, which follows the running one.
 */
public final class BuildDialog {
    private final BuildViewModel vm;
    private final Stage stage = new Stage();
    private final ListView<StepRow> steps = new ListView<>();
    private final TextArea output = new TextArea();

    public BuildDialog(BuildViewModel vm, Window owner) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(I18n.t("build.title"));

        VBox root = new VBox(10, form(), commandLine(), progress(), log(),
                message(vm.errorProperty(), Styles.DANGER, "build-error"),
                buttons());
        root.setPadding(new Insets(16));
        stage.setScene(new Scene(root, 920, 820));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private Node form() {
        GridPane form = new GridPane(12, 8);
        form.getColumnConstraints().addAll(new ColumnConstraints(), grow());
        int row = 0;
        TextField folder = field(vm.folderProperty(), "build.folder", "/home/me/project", "build-folder");
        Button browse = new Button(I18n.t("build.browse"));
        browse.setId("build-browse");
        browse.setOnAction(e -> chooseFolder());
        HBox.setHgrow(folder, Priority.ALWAYS);
        form.addRow(row++, key("build.folder"), new HBox(8, folder, browse));

        ComboBox<String> dockerfile = new ComboBox<>(vm.dockerfiles());
        dockerfile.setId("build-dockerfile");
        dockerfile.setEditable(true);
        dockerfile.setMaxWidth(Double.MAX_VALUE);
        dockerfile.setPromptText("Dockerfile");
        dockerfile.setAccessibleText(I18n.t("build.dockerfile"));
        dockerfile.valueProperty().bindBidirectional(vm.dockerfileProperty());
        VBox dockerfileBox = new VBox(4, dockerfile,
                message(vm.dockerfileProblemProperty(), Styles.WARNING, "build-dockerfile-problem"));
        form.addRow(row++, key("build.dockerfile"), dockerfileBox);
        form.addRow(row++, key("build.tag"), field(vm.tagProperty(), "build.tag", "myapp:latest", "build-tag"));
        TextArea args = new TextArea();
        args.setId("build-args");
        args.setPromptText("VERSION=1.2\n" + I18n.t("run.onePerLine"));
        args.setPrefRowCount(2);
        args.setAccessibleText(I18n.t("build.args"));
        args.textProperty().bindBidirectional(vm.buildArgsProperty());
        form.addRow(row++, key("build.args"), args);
        ComboBox<String> target = new ComboBox<>(vm.targets());
        target.setId("build-target");
        target.setEditable(true);
        target.setPromptText(I18n.t("build.targetLast"));
        target.setAccessibleText(I18n.t("build.target"));
        target.valueProperty().bindBidirectional(vm.targetProperty());
        form.addRow(row++, key("build.target"), target);
        CheckBox noCache = new CheckBox(I18n.t("build.noCache"));
        noCache.setId("build-nocache");
        noCache.selectedProperty().bindBidirectional(vm.noCacheProperty());
        CheckBox pull = new CheckBox(I18n.t("build.pull"));
        pull.setId("build-pull");
        pull.selectedProperty().bindBidirectional(vm.pullProperty());
        form.add(new HBox(16, noCache, pull), 1, row++);
        form.addRow(row, key("build.recent"), recent());
        return form;
    }

    private Node recent() {
        ComboBox<RecentBuild> recent = new ComboBox<>(vm.recent());
        recent.setId("build-recent");
        recent.setMaxWidth(Double.MAX_VALUE);
        recent.promptTextProperty().bind(Bindings.createStringBinding(() -> I18n.t(vm.recent().isEmpty()
                ? "build.recentNone" : "build.recentChoose"), vm.recent()));
        recent.setAccessibleText(I18n.t("build.recent"));
        recent.setConverter(new StringConverter<>() {
            @Override
            public String toString(RecentBuild b) {
                return b == null ? "" : (b.ok() ? "✓ " : "✗ ") + b.label();
            }

            @Override
            public RecentBuild fromString(String s) {
                return null;
            }
        });
        recent.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.load(b);
            }
        });
        Button rebuild = new Button(I18n.t("build.rebuild"));
        rebuild.setId("build-rebuild");
        rebuild.disableProperty().bind(recent.valueProperty().isNull().or(vm.runningProperty()));
        rebuild.setOnAction(e -> vm.rebuild(recent.getValue()));
        HBox.setHgrow(recent, Priority.ALWAYS);
        return new HBox(8, recent, rebuild);
    }

    private Node commandLine() {
        Label title = new Label(I18n.t("build.equivalent"));
        title.getStyleClass().add(Styles.TEXT_MUTED);
        TextArea line = new TextArea();
        line.setId("build-line");
        line.setEditable(false);
        line.setWrapText(true);
        line.setPrefRowCount(2);
        line.getStyleClass().add("command-line");
        line.textProperty().bind(vm.commandLineProperty());
        line.setAccessibleText(I18n.t("build.equivalent"));
        Button copy = new Button(I18n.t("run.copy"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.commandLineProperty().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        HBox.setHgrow(line, Priority.ALWAYS);
        return new VBox(4, title, new HBox(8, line, copy),
                message(vm.problemProperty(), Styles.WARNING, "build-problem"));
    }

    private Node progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("build-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label steps = new Label();
        steps.setId("build-progress-text");
        steps.textProperty().bind(vm.progressTextProperty());
        steps.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("build-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox top = new HBox(12, bar, steps);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, top, status);
        box.visibleProperty().bind(vm.runningProperty().or(vm.progressTextProperty().isNotEmpty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node log() {
        steps.setId("build-steps");
        steps.setItems(vm.steps());
        steps.setAccessibleText(I18n.t("build.steps"));
        steps.setPlaceholder(new Label(I18n.t("build.noSteps")));
        steps.setCellFactory(l -> new StepCell());
        output.setId("build-output");
        output.setEditable(false);
        output.getStyleClass().add("command-line");
        output.setAccessibleText(I18n.t("build.output"));
        // The output of the chosen step; a new step is chosen as it starts, and the failed one when the build fails.
        steps.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            output.textProperty().unbind();
            if (b != null) {
                output.textProperty().bind(b.outputProperty());
                b.outputProperty().addListener((x, y, z) -> output.setScrollTop(Double.MAX_VALUE));
            } else {
                output.setText("");
            }
        });
        vm.steps().addListener((javafx.collections.ListChangeListener<StepRow>) c -> {
            if (!vm.steps().isEmpty()) {
                steps.getSelectionModel().selectLast();
                // After the list laid the new row out; scrolling now would stop short of it.
                javafx.application.Platform.runLater(() -> steps.scrollTo(vm.steps().size() - 1));
            }
        });
        vm.errorProperty().addListener((o, a, b) -> vm.steps().stream()
                .filter(s -> s.stateProperty().get() == BuildLog.State.FAILED).findFirst()
                .ifPresent(s -> {
                    steps.getSelectionModel().select(s);
                    javafx.application.Platform.runLater(() -> steps.scrollTo(s));
                }));
        SplitPane split = new SplitPane(steps, output);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }

    private Node buttons() {
        Button close = new Button(I18n.t("action.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Button cancel = new Button(I18n.t("build.cancel"));
        cancel.setId("build-cancel");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button build = new Button(I18n.t("build.build"));
        build.setId("build-submit");
        build.getStyleClass().add(Styles.ACCENT);
        build.setDefaultButton(true);
        build.disableProperty().bind(vm.canBuild().not());
        build.setOnAction(e -> vm.build());
        HBox buttons = new HBox(8, close, cancel, build);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        return buttons;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(I18n.t("build.chooseFolder"));
        String current = vm.folderProperty().get();
        if (!current.isBlank() && new File(current).isDirectory()) {
            chooser.setInitialDirectory(new File(current));
        }
        File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            vm.folderProperty().set(chosen.getAbsolutePath());
        }
    }

    /** A step: its state as a badge, its number and instruction. */
    private static final class StepCell extends ListCell<StepRow> {
        private final Label badge = new Label();
        private final Label number = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(10, badge, number, text);

        StepCell() {
            box.setAlignment(Pos.CENTER_LEFT);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            number.setMinWidth(Region.USE_PREF_SIZE);
            number.getStyleClass().add(Styles.TEXT_MUTED);
            text.getStyleClass().add("build-step-text");
        }

        @Override
        protected void updateItem(StepRow row, boolean empty) {
            super.updateItem(row, empty);
            badge.textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            number.setText(row.number() + "/" + row.total());
            text.setText(row.text());
            badge.textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> I18n.t("build.state." + row.stateProperty().get().name().toLowerCase()),
                            row.stateProperty()));
            badge.getStyleClass().setAll("label", "state-badge",
                    "build-" + row.stateProperty().get().name().toLowerCase());
            row.stateProperty().addListener((o, a, b) -> badge.getStyleClass().setAll("label", "state-badge",
                    "build-" + b.name().toLowerCase()));
            setGraphic(box);
        }
    }
}
