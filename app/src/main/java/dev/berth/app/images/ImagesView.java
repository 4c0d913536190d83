package dev.berth.app.images;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.berth.app.run.RunDialog;
import dev.berth.app.run.RunViewModel;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import dev.berth.app.widgets.Dialogs;
import dev.berth.app.widgets.MessageBar;
import dev.berth.app.widgets.ListPage;
import dev.berth.app.widgets.PageHeader;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Images page: a table of local images with pull, tag, remove and prune. */
public final class ImagesView extends ListPage {
    private final ImagesViewModel vm;
    private final Supplier<PullViewModel> pulls;
    private final Function<String, RunViewModel> runs;
    private final Function<String, PushViewModel> pushes;
    private final java.util.function.BiConsumer<javafx.scene.Node, String> layers;
    private Supplier<dev.berth.app.builds.BuildViewModel> builds;
    private Button pull;
    private final TableView<ImageRow> table = new TableView<>();

    /** @param pulls makes a fresh pull for each Pull dialog */
    public ImagesView(ImagesViewModel vm, Supplier<PullViewModel> pulls) {
        this(vm, pulls, null, null, null);
    }

    /**
     * @param pulls  makes a fresh pull for each Pull dialog
     * @param runs   makes a Run dialog's state for an image reference; null hides the Run button
     * @param layers opens the Layers window over an owner for an image id (or none); null hides the Layers button. A
     *               callback, so that images need not know the layers feature's View (the shell joins the two).
     * @param pushes makes a push of a {@code repo:tag}; null hides the Push button
     */
    public ImagesView(ImagesViewModel vm, Supplier<PullViewModel> pulls, Function<String, RunViewModel> runs,
            java.util.function.BiConsumer<javafx.scene.Node, String> layers, Function<String, PushViewModel> pushes) {
        super(new PageHeader(I18n.t("images.title"), I18n.t("images.subtitle")), vm);
        this.vm = vm;
        this.pulls = pulls;
        this.pushes = pushes;
        this.runs = runs;
        this.layers = layers;
        createView();
    }

    /** Offers Build…, which opens a build window with state from {@code builds}. */
    public ImagesView withBuilds(Supplier<dev.berth.app.builds.BuildViewModel> builds) {
        this.builds = builds;
        Button build = Buttons.action(I18n.t("images.build"), this::openBuild);
        build.setId("images-build");
        header.addActionAfter(pull, build);
        return this;
    }

    private void openBuild() {
        new dev.berth.app.builds.BuildDialog(builds.get(), root.getScene() == null ? null : root.getScene().getWindow())
                .show();
    }

    /** Selects and shows the image a build just made, once the reload has it. */
    private void reveal(String imageId) {
        if (imageId == null || imageId.isEmpty()) {
            return;
        }
        for (ImageRow row : table.getItems()) {
            if (row.id().equals(imageId) || row.id().endsWith(imageId.replace("sha256:", ""))) {
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(row);
                table.scrollTo(row);
                table.requestFocus();
                return;
            }
        }
    }

    private void createView() {
        header.search().textProperty().bindBidirectional(vm.searchProperty());
        vm.revealProperty().addListener((o, a, b) -> reveal(b));
        pull = Buttons.action(I18n.t("images.pull"), this::openPull, Styles.ACCENT);
        Button run = Buttons.action(I18n.t("run.open"), this::runSelected);
        run.setId("images-run");
        run.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button tag = Buttons.action(I18n.t("images.tag"), this::tagSelected);
        Button remove = Buttons.action(I18n.t("action.remove"), this::deleteSelected, Styles.DANGER);
        tag.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        MenuItem dangling = new MenuItem(I18n.t("images.pruneDangling"));
        dangling.setOnAction(e -> confirmPrune(true));
        MenuItem unused = new MenuItem(I18n.t("images.pruneUnused"));
        unused.setOnAction(e -> confirmPrune(false));
        MenuButton prune = new MenuButton(I18n.t("action.prune"), null, dangling, unused);
        prune.setAccessibleText(I18n.t("action.prune"));
        header.addActions(pull, run, tag, remove, prune);
        if (pushes != null) {
            Button push = Buttons.action(I18n.t("images.push"), this::pushSelected);
            push.setId("images-push");
            // Only a tagged image has a registry to go to.
            push.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
                ImageRow row = table.getSelectionModel().getSelectedItem();
                return row == null || row.dangling();
            }, table.getSelectionModel().selectedItemProperty()));
            header.addActions(push);
        }
        run.setVisible(runs != null);
        run.setManaged(runs != null);
        if (layers != null) {
            Button showLayers = Buttons.action(I18n.t("layers.title"), () -> {
                ImageRow row = table.getSelectionModel().getSelectedItem();
                layers.accept(root, row == null ? null : row.id());
            });
            header.addActions(showLayers);
        }

        table.setItems(vm.visibleRows());
        dev.berth.app.widgets.KeptSelection.keep(table, r -> r.id() + " " + r.reference());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setAccessibleText(I18n.t("images.title"));
        table.setPlaceholder(new Label(I18n.t("images.empty")));
        table.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        table.getColumns().setAll(List.of(
                text("images.col.repository", 260, ImageRow::repository),
                text("images.col.tag", 120, ImageRow::tag),
                text("images.col.id", 130, r -> Format.shortId(r.id())),
                text("images.col.created", 130, r -> Format.age(r.created(), Instant.now())),
                text("images.col.size", 100, r -> Format.bytes(r.size())),
                inUseColumn()));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(header, new MessageBar(vm.errorProperty(), vm.noticeProperty(), vm::dismissMessages),
                table);
        root.getStyleClass().add("page");
        // Hidden, the page reloads only when it shows again (see ResourceListViewModel#setShown).
        dev.berth.app.widgets.OnScreen.track(root, vm::setShown);
    }

    private static TableColumn<ImageRow, String> text(String key, double width, Function<ImageRow, String> value) {
        TableColumn<ImageRow, String> col = new TableColumn<>(I18n.t(key));
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    private static TableColumn<ImageRow, ImageRow> inUseColumn() {
        TableColumn<ImageRow, ImageRow> col = new TableColumn<>(I18n.t("images.col.inUse"));
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        col.setPrefWidth(100);
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ImageRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || !row.inUse()) {
                    setGraphic(null);
                    return;
                }
                Label l = new Label(I18n.t("images.inUse"));
                l.getStyleClass().addAll("state-badge", "state-running");
                setGraphic(l);
            }
        });
        return col;
    }

    private void openPull() {
        TransferDialog.pull(pulls.get(), root).show();
    }

    private void runSelected() {
        ImageRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            new RunDialog(runs.apply(row.dangling() ? row.id() : row.reference()), root.getScene().getWindow()).show();
        }
    }

    private void pushSelected() {
        ImageRow row = table.getSelectionModel().getSelectedItem();
        if (row != null && !row.dangling()) {
            TransferDialog.push(pushes.apply(row.reference()), root).show();
        }
    }

    private void tagSelected() {
        ImageRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        TextInputDialog d = new TextInputDialog(row.dangling() ? "" : row.repository() + ":");
        d.setTitle(I18n.t("images.tag"));
        d.setHeaderText(I18n.t("images.tagHeader", row.reference()));
        d.setContentText(I18n.t("images.tagPrompt"));
        d.getEditor().setAccessibleText(I18n.t("images.tagPrompt"));
        d.initOwner(root.getScene().getWindow());
        d.showAndWait().ifPresent(ref -> vm.tag(row, ref));
    }

    private void confirmPrune(boolean danglingOnly) {
        String what = I18n.t(danglingOnly ? "images.pruneDangling" : "images.pruneUnused");
        // The question says what it frees, as Docker Desktop's does; the engine counts it (it knows shared layers).
        vm.estimatePrune(danglingOnly, bytes -> {
            if (Dialogs.confirm(root, what + "?", I18n.t(danglingOnly ? "images.pruneDanglingHelp"
                    : "images.pruneUnusedHelp") + "\n\n" + I18n.t("images.pruneFrees", Format.bytes(bytes)),
                    I18n.t("action.prune"))) {
                vm.prune(danglingOnly);
            }
        });
    }

    @Override
    public void deleteSelected() {
        List<ImageRow> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (confirmRemoval(rows.stream().map(ImageRow::reference).map(Format::shortId).toList(),
                I18n.t("images.removeConfirm", rows.size()), "")) {
            vm.remove(rows);
        }
    }
}
