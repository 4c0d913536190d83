package dev.berth.app.containers;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.PortMapping;
import dev.berth.app.run.RunDialog;
import dev.berth.app.run.RunViewModel;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import dev.berth.app.widgets.MessageBar;
import dev.berth.app.widgets.ListPage;
import dev.berth.app.widgets.PageHeader;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Containers page: a tree table with compose projects as parents, filters and bulk actions. */
public final class ContainersView extends ListPage {
    private final ContainersViewModel vm;
    private final Consumer<String> openUrl;
    private final java.util.function.Function<String, RunViewModel> runs;
    private final TreeTableView<ContainerTreeRow> table = new TreeTableView<>();
    private final ContainerTree tree = new ContainerTree();
    private boolean rebuilding;
    private Consumer<ContainerSummary> onOpenDetails;

    /**
     * @param openUrl opens an address in the browser (the app's HostServices)
     * @param runs    makes a Run dialog's state for an image reference (empty: the person types one)
     */
    public ContainersView(ContainersViewModel vm, Consumer<String> openUrl,
            java.util.function.Function<String, RunViewModel> runs) {
        super(new PageHeader(I18n.t("containers.title"), I18n.t("containers.subtitle")), vm);
        this.vm = vm;
        this.openUrl = openUrl;
        this.runs = runs;
        createView();
        initListeners();
    }

    private void createView() {
        header.search().textProperty().bindBidirectional(vm.searchProperty());
        ComboBox<StateFilter> state = new ComboBox<>();
        state.getItems().setAll(StateFilter.values());
        state.setConverter(new StringConverter<>() {
            public String toString(StateFilter f) {
                return f == null ? "" : I18n.t("containers.filter." + f.name().toLowerCase());
            }

            public StateFilter fromString(String s) {
                return null;
            }
        });
        state.valueProperty().bindBidirectional(vm.stateFilterProperty());
        state.setAccessibleText(I18n.t("containers.filter"));
        header.addFilters(state);

        Button start = Buttons.action(I18n.t("action.start"), vm::startSelected);
        Button stop = Buttons.action(I18n.t("action.stop"), vm::stopSelected);
        Button restart = Buttons.action(I18n.t("action.restart"), vm::restartSelected);
        Button remove = Buttons.action(I18n.t("action.remove"), this::deleteSelected, Styles.DANGER);
        for (Button b : List.of(start, stop, restart, remove)) {
            b.disableProperty().bind(vm.selectedCountProperty().isEqualTo(0));
        }
        Button run = Buttons.action(I18n.t("run.open"), () -> new RunDialog(runs.apply(""),
                root.getScene().getWindow()).show(), Styles.ACCENT);
        run.setId("containers-run");
        header.addActions(run, start, stop, restart, remove);

        table.setShowRoot(false);
        table.setRoot(tree.root());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setAccessibleText(I18n.t("containers.title"));
        table.setPlaceholder(new Label(I18n.t("containers.empty")));
        table.getColumns().setAll(List.of(nameColumn(), imageColumn(), stateColumn(), portsColumn(),
                statsColumn("containers.col.cpu", 95, s -> String.format(java.util.Locale.ROOT, "%.1f %%",
                        s.cpuPercent())),
                statsColumn("containers.col.memory", 110, s -> Format.memory(s.memoryBytes())), createdColumn()));
        table.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        table.setRowFactory(t -> {
            javafx.scene.control.TreeTableRow<ContainerTreeRow> row = new javafx.scene.control.TreeTableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() instanceof ContainerTreeRow.Container c
                        && onOpenDetails != null) {
                    onOpenDetails.accept(c.summary());
                } else if (e.getClickCount() == 2 && row.getItem() instanceof ContainerTreeRow.Container c) {
                    vm.inspect(c.summary().id(), d -> new ContainerDetailsDialog(d, root).show());
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        root.getChildren().addAll(header, new MessageBar(vm.errorProperty(), vm.noticeProperty(), vm::dismissMessages),
                table);
        root.getStyleClass().add("page");
    }

    /** A column showing one figure of a running container's latest stats sample; empty for everything else. */
    private TreeTableColumn<ContainerTreeRow, dev.berth.app.engine.ContainerStats> statsColumn(String key, double width,
            java.util.function.Function<dev.berth.app.engine.ContainerStats, String> text) {
        TreeTableColumn<ContainerTreeRow, dev.berth.app.engine.ContainerStats> col = new TreeTableColumn<>(I18n.t(key));
        col.setPrefWidth(width);
        col.setCellValueFactory(d -> d.getValue().getValue() instanceof ContainerTreeRow.Container c
                ? vm.statsOf(c.summary().id()) : new ReadOnlyObjectWrapper<>());
        col.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(dev.berth.app.engine.ContainerStats s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : text.apply(s));
            }
        });
        col.getStyleClass().add("stats-cell");
        return col;
    }

    /**
     * Stats stream only for rows a person can see: once a second, while the page is on screen, the rows the
     * virtual flow shows are handed to the ViewModel (cheap: a window holds a few dozen row cells).
     */
    private void trackRowsInView() {
        javafx.animation.Timeline tick = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(1), e -> vm.setInView(rowsInView())));
        tick.setCycleCount(javafx.animation.Animation.INDEFINITE);
        root.sceneProperty().addListener((o, a, b) -> {
            boolean onScreen = b != null;
            vm.setShown(onScreen);
            if (onScreen) {
                vm.setInView(rowsInView());
                tick.play();
            } else {
                tick.stop();
            }
        });
    }

    private Set<String> rowsInView() {
        Set<String> ids = new HashSet<>();
        for (Node n : table.lookupAll(".tree-table-row-cell")) {
            if (n instanceof javafx.scene.control.TreeTableRow<?> row && row.isVisible() && !row.isEmpty()
                    && row.getItem() instanceof ContainerTreeRow.Container c) {
                ids.add(c.summary().id());
            }
        }
        return ids;
    }

    private void initListeners() {
        trackRowsInView();
        vm.groupsProperty().addListener((o, a, b) -> rebuild(b));
        table.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<TreeItem<ContainerTreeRow>>) c -> {
                    if (!rebuilding) {
                        pushSelection();
                    }
                });
        rebuild(vm.groupsProperty().get());
    }

    /** The selected rows as container IDs; a selected project stands for all its containers. */
    private void pushSelection() {
        Set<String> ids = new LinkedHashSet<>();
        // A copy that allows nulls: while rows under a selection are removed the selected items can hold null, and the
        // hidden root (no value) can be selected.
        for (TreeItem<ContainerTreeRow> item : new java.util.ArrayList<>(
                table.getSelectionModel().getSelectedItems())) {
            if (item == null || item.getValue() == null) {
                continue;
            }
            switch (item.getValue()) {
                case ContainerTreeRow.Project p -> p.group().containers().forEach(c -> ids.add(c.id()));
                case ContainerTreeRow.Container c -> ids.add(c.summary().id());
            }
        }
        vm.setSelection(ids);
    }

    private void rebuild(List<ContainerGroup> groups) {
        rebuilding = true;
        try {
            tree.show(groups);
        } finally {
            rebuilding = false;
        }
        pushSelection();
    }

    private TreeTableColumn<ContainerTreeRow, ContainerTreeRow> column(String key) {
        TreeTableColumn<ContainerTreeRow, ContainerTreeRow> col = new TreeTableColumn<>(I18n.t(key));
        // The item's own value property: a container that changes repaints its row without a new item.
        col.setCellValueFactory(d -> d.getValue().valueProperty());
        return col;
    }

    private TreeTableColumn<ContainerTreeRow, ContainerTreeRow> nameColumn() {
        var col = column("containers.col.name");
        col.setPrefWidth(260);
        col.setCellFactory(c -> new TextCell(row -> switch (row) {
            case ContainerTreeRow.Project p -> p.group().project() + "  ·  " + I18n.t("containers.projectSummary",
                    p.group().running(), p.group().containers().size());
            case ContainerTreeRow.Container ct -> ct.summary().name();
        }, row -> row instanceof ContainerTreeRow.Project ? Styles.TEXT_BOLD : null));
        return col;
    }

    private TreeTableColumn<ContainerTreeRow, ContainerTreeRow> imageColumn() {
        var col = column("containers.col.image");
        col.setPrefWidth(220);
        col.setCellFactory(c -> new TextCell(row -> row instanceof ContainerTreeRow.Container ct
                ? ct.summary().image() : I18n.t("containers.composeProject"), row -> null));
        return col;
    }

    private TreeTableColumn<ContainerTreeRow, ContainerTreeRow> stateColumn() {
        var col = column("containers.col.state");
        col.setPrefWidth(150);
        col.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(ContainerTreeRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || !(row instanceof ContainerTreeRow.Container ct)) {
                    setGraphic(null);
                    return;
                }
                setGraphic(StateBadge.of(ct.summary()));
            }
        });
        return col;
    }

    private TreeTableColumn<ContainerTreeRow, ContainerTreeRow> portsColumn() {
        var col = column("containers.col.ports");
        col.setPrefWidth(180);
        col.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(ContainerTreeRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || !(row instanceof ContainerTreeRow.Container ct) || ct.summary().ports().isEmpty()) {
                    setGraphic(null);
                    return;
                }
                HBox links = new HBox(4);
                links.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                for (PortMapping p : ct.summary().ports()) {
                    if (p.published()) {
                        Hyperlink link = new Hyperlink(p.display());
                        String url = vm.urlFor(p);
                        link.setAccessibleText(I18n.t("containers.openPort", url));
                        link.setTooltip(new javafx.scene.control.Tooltip(url));
                        link.setOnAction(e -> openUrl.accept(url));
                        links.getChildren().add(link);
                    } else {
                        Label l = new Label(p.display());
                        l.getStyleClass().add(Styles.TEXT_MUTED);
                        links.getChildren().add(l);
                    }
                }
                setGraphic(links);
            }
        });
        return col;
    }

    private TreeTableColumn<ContainerTreeRow, ContainerTreeRow> createdColumn() {
        var col = column("containers.col.created");
        col.setPrefWidth(130);
        col.setCellFactory(c -> new TextCell(row -> row instanceof ContainerTreeRow.Container ct
                ? Format.age(ct.summary().created(), Instant.now()) : "", row -> Styles.TEXT_MUTED));
        return col;
    }

    /** A cell showing one string derived from the row, with an optional style class. */
    private static final class TextCell extends TreeTableCell<ContainerTreeRow, ContainerTreeRow> {
        private final java.util.function.Function<ContainerTreeRow, String> text;
        private final java.util.function.Function<ContainerTreeRow, String> style;

        TextCell(java.util.function.Function<ContainerTreeRow, String> text,
                java.util.function.Function<ContainerTreeRow, String> style) {
            this.text = text;
            this.style = style;
        }

        @Override
        protected void updateItem(ContainerTreeRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(Styles.TEXT_BOLD, Styles.TEXT_MUTED);
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(text.apply(row));
            String s = style.apply(row);
            if (s != null) {
                getStyleClass().add(s);
            }
        }
    }

    /** Double-clicking a container calls this (the shell opens the container's page) instead of the details dialog. */
    public void setOnOpenDetails(Consumer<ContainerSummary> onOpen) {
        this.onOpenDetails = onOpen;
    }

    @Override
    public void deleteSelected() {
        List<String> names = vm.items().stream().filter(c -> vm.selection().contains(c.id()))
                .map(ContainerSummary::name).toList();
        if (confirmRemoval(names, I18n.t("containers.removeConfirm", names.size()), "")) {
            vm.removeSelected();
        }
    }
}
