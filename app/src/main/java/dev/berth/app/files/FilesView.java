package dev.berth.app.files;

import atlantafx.base.theme.Styles;
import dev.berth.app.engine.FileEntry;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import dev.berth.app.widgets.MessageBar;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** The Files tab: a path bar (type a path and Enter), up/refresh/download/upload, and the directory as a table. */
public final class FilesView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private final FilesViewModel vm;
    private final VBox root = new VBox(8);
    private final TableView<FileEntry> table = new TableView<>(null);
    private final TextField path = new TextField();

    public FilesView(FilesViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    private void createView() {
        Button up = Buttons.action(I18n.t("files.up"), vm::up);
        Button refresh = Buttons.action(I18n.t("files.refresh"), vm::refresh);
        Button download = Buttons.action(I18n.t("files.download"), this::download);
        download.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button upload = Buttons.action(I18n.t("files.upload"), this::upload);
        path.setId("files-path");
        path.setAccessibleText(I18n.t("files.path"));
        path.setOnAction(e -> vm.go(path.getText()));
        HBox.setHgrow(path, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox bar = new HBox(8, up, path, busy, refresh, download, upload);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        table.setItems(vm.entries());
        table.setId("files-table");
        table.getColumns().add(column("files.col.name", 300, e -> e.name()
                + (e.isDirectory() ? "/" : "") + (e.type() == FileEntry.Type.SYMLINK ? " → " + e.linkTarget() : "")));
        table.getColumns().add(column("files.col.size", 100, e -> e.isDirectory() ? "" : Format.bytes(e.size())));
        table.getColumns().add(column("files.col.mode", 110, FileEntry::modeString));
        table.getColumns().add(column("files.col.modified", 150, e -> e.modified().equals(Instant.EPOCH) ? ""
                : TIME.format(e.modified())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.t("files.empty")));
        table.setRowFactory(t -> {
            TableRow<FileEntry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                vm.open(table.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.BACK_SPACE) {
                vm.up();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(bar, new MessageBar(vm.errorProperty(), vm.noticeProperty(), vm::dismissMessages),
                table);
        root.getStyleClass().add("files");
    }

    private void initListeners() {
        path.setText(vm.pathProperty().get());
        vm.pathProperty().addListener((o, a, b) -> path.setText(b));
    }

    private static TableColumn<FileEntry, String> column(String key, double width, Function<FileEntry, String> text) {
        TableColumn<FileEntry, String> c = new TableColumn<>(I18n.t(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setPrefWidth(width);
        if (!key.equals("files.col.name")) {
            c.getStyleClass().add(Styles.TEXT_MUTED);
        }
        return c;
    }

    private void download() {
        FileEntry entry = table.getSelectionModel().getSelectedItem();
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(I18n.t("files.downloadTo", entry.name()));
        File folder = chooser.showDialog(root.getScene().getWindow());
        if (folder != null) {
            vm.download(entry, folder.toPath());
        }
    }

    private void upload() {
        File file = new FileChooser().showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            vm.upload(file.toPath());
        }
    }

    public TableView<FileEntry> table() {
        return table;
    }

    public Node root() {
        return root;
    }
}
