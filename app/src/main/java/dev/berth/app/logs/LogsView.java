package dev.berth.app.logs;

import atlantafx.base.theme.Styles;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import java.io.File;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Logs tab: toolbar (follow, search, regex, streams, timestamps, tail, since, copy, save) over the log list. */
public final class LogsView {
    private final LogsViewModel vm;
    private final String containerName;
    private final VBox root = new VBox(8);
    private final ListView<LogEntry> list = new ListView<>();
    private final TextField search = new TextField();

    public LogsView(LogsViewModel vm, String containerName) {
        this.vm = vm;
        this.containerName = containerName;
        createView();
        initListeners();
    }

    private void createView() {
        ToggleButton follow = new ToggleButton(I18n.t("logs.follow"));
        follow.selectedProperty().bindBidirectional(vm.followProperty());
        search.setPromptText(I18n.t("logs.search"));
        search.setAccessibleText(I18n.t("logs.search"));
        search.setId("logs-search");
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setPrefColumnCount(18);
        search.setOnAction(e -> jump(true));
        CheckBox regex = check("logs.regex", vm.regexProperty());
        CheckBox only = check("logs.onlyMatching", vm.onlyMatchingProperty());
        Label matches = new Label();
        matches.textProperty().bind(vm.matchesProperty().asString(I18n.t("logs.matches")));
        matches.getStyleClass().add(Styles.TEXT_MUTED);
        Button prev = Buttons.action("↑", () -> jump(false));
        prev.setAccessibleText(I18n.t("logs.previous"));
        Button next = Buttons.action("↓", () -> jump(true));
        next.setAccessibleText(I18n.t("logs.next"));
        CheckBox out = check("logs.stdout", vm.stdoutProperty());
        CheckBox err = check("logs.stderr", vm.stderrProperty());
        CheckBox time = check("logs.timestamps", vm.timestampsProperty());
        time.selectedProperty().addListener((o, a, b) -> list.refresh());

        ComboBox<String> tail = choice(tails(), vm.tailProperty().get() < 0 ? I18n.t("logs.all")
                : String.valueOf(vm.tailProperty().get()));
        tail.setAccessibleText(I18n.t("logs.tail"));
        tail.valueProperty().addListener((o, a, b) -> vm.tailProperty().set(tails().get(b)));
        Map<String, Duration> sinces = sinces();
        ComboBox<String> since = choice(sinces, I18n.t("logs.all"));
        since.setAccessibleText(I18n.t("logs.since"));
        since.valueProperty().addListener((o, a, b) -> vm.sinceProperty().set(sinces.get(b)));

        Button copy = Buttons.action(I18n.t("logs.copy"), this::copySelection);
        Button save = Buttons.action(I18n.t("logs.save"), this::save);
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add(Styles.DANGER);

        HBox row1 = new HBox(8, follow, search, prev, next, matches, regex, only);
        HBox row2 = new HBox(8, out, err, time, new Label(I18n.t("logs.tail")), tail, new Label(I18n.t("logs.since")),
                since, copy, save, error);
        for (HBox r : new HBox[]{row1, row2}) {
            r.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }
        list.setItems(vm.shown());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(l -> new LogCell(vm.patternProperty()::get, vm.timestampsProperty()::get));
        list.setFixedCellSize(22);
        list.setPlaceholder(new Label(I18n.t("logs.empty")));
        list.getStyleClass().add("log-list");
        list.setAccessibleText(I18n.t("logs.title"));
        list.setOnKeyPressed(e -> {
            if (KeyCombination.keyCombination("Shortcut+C").match(e)) {
                copySelection();
                e.consume();
            } else if (KeyCombination.keyCombination("Shortcut+A").match(e)) {
                list.getSelectionModel().selectAll();
                e.consume();
            } else if (e.getCode() == KeyCode.F3) {
                jump(!e.isShiftDown());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        root.getChildren().addAll(row1, row2, list);
        root.getStyleClass().add("logs");
    }

    private void initListeners() {
        vm.shown().addListener((ListChangeListener<LogEntry>) c -> {
            if (vm.followProperty().get() && !vm.shown().isEmpty()) {
                list.scrollTo(vm.shown().size() - 1);
            }
        });
        vm.patternProperty().addListener((o, a, b) -> list.refresh());
    }

    private static CheckBox check(String key, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(I18n.t(key));
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private static <T> ComboBox<String> choice(Map<String, T> options, String initial) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(options.keySet());
        box.setValue(initial);
        return box;
    }

    private static Map<String, Integer> tails() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(I18n.t("logs.all"), -1);
        for (int n : new int[]{100, 1000, 10000}) {
            m.put(String.valueOf(n), n);
        }
        return m;
    }

    private static Map<String, Duration> sinces() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put(I18n.t("logs.all"), null);
        m.put(I18n.t("logs.since.minutes", 5), Duration.ofMinutes(5));
        m.put(I18n.t("logs.since.hours", 1), Duration.ofHours(1));
        m.put(I18n.t("logs.since.hours", 24), Duration.ofHours(24));
        return m;
    }

    /** Selects and shows the next (or previous) matching line. */
    private void jump(boolean forward) {
        int from = list.getSelectionModel().getSelectedIndex();
        int i = vm.findNext(from < 0 ? (forward ? -1 : 0) : from, forward);
        if (i >= 0) {
            vm.followProperty().set(false);
            list.getSelectionModel().clearAndSelect(i);
            list.scrollTo(Math.max(0, i - 3));
        }
    }

    private void copySelection() {
        var selected = list.getSelectionModel().getSelectedItems();
        ClipboardContent content = new ClipboardContent();
        content.putString(vm.text(selected.isEmpty() ? vm.shown() : selected));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(vm.suggestedFileName(containerName));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            vm.save(file.toPath());
        }
    }

    /** The search field, for Ctrl+F. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** The list (tests read what is visible and selected). */
    public ListView<LogEntry> list() {
        return list;
    }

    public Node root() {
        return root;
    }
}
