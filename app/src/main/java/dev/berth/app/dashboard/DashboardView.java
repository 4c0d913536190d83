package dev.berth.app.dashboard;

import atlantafx.base.theme.Styles;
import dev.berth.app.engine.DiskUsage;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Dialogs;
import dev.berth.app.widgets.MessageBar;
import dev.berth.app.widgets.Page;
import dev.berth.app.widgets.Section;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Dashboard page: engine and counts as cards, disk use as a stacked bar chart with prune, the busiest containers. */
public final class DashboardView implements Page {
    private final DashboardViewModel vm;
    private final VBox content = new VBox(16);
    private final ScrollPane root = new ScrollPane(content);
    private final HBox cards = new HBox(12);
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label diskTotal = new Label();
    private final Button reclaim = new Button();
    private final Button pruneVolumes = new Button(I18n.t("dashboard.pruneVolumes"));
    private final TableView<BusyContainer> busiest = new TableView<>();

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
        createView();
        vm.snapshotProperty().addListener((o, a, b) -> show(b));
        // On screen while the page is in a scene; the shell swaps pages in and out of its content pane.
        root.sceneProperty().addListener((o, a, b) -> vm.setActive(b != null));
        show(vm.snapshotProperty().get());
    }

    private void createView() {
        root.setFitToWidth(true);
        root.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        root.getStylesheets()
                .add(DashboardView.class.getResource("/dev/berth/app/dashboard/dashboard.css").toExternalForm());
        content.getStyleClass().add("page");
        Label title = new Label(I18n.t("dashboard.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label(I18n.t("dashboard.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        Button refresh = new Button(I18n.t("dashboard.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(12, new VBox(4, title, subtitle), spacer, refresh);
        head.setAlignment(Pos.TOP_LEFT);

        chart.setId("dashboard-disk-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(280);
        chart.setCategoryGap(40);
        ((NumberAxis) chart.getYAxis()).setLabel(I18n.t("dashboard.megabytes"));
        reclaim.getStyleClass().add(Styles.ACCENT);
        reclaim.setId("dashboard-reclaim");
        reclaim.setOnAction(e -> confirmReclaim());
        pruneVolumes.setOnAction(e -> confirmPruneVolumes());
        diskTotal.getStyleClass().add(Styles.TEXT_BOLD);
        HBox pruneBar = new HBox(10, diskTotal, new Region(), reclaim, pruneVolumes);
        HBox.setHgrow(pruneBar.getChildren().get(1), Priority.ALWAYS);
        pruneBar.setAlignment(Pos.CENTER_LEFT);

        busiest.setId("dashboard-busiest");
        busiest.setPlaceholder(new Label(I18n.t("dashboard.noneRunning")));
        busiest.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        busiest.getColumns().setAll(List.of(nameColumn(), cpuColumn(), memoryColumn()));
        busiest.setFixedCellSize(30);
        busiest.setPrefHeight(32 + 30 * DashboardViewModel.BUSIEST + 4);

        content.getChildren().addAll(head, new MessageBar(vm.errorProperty(), vm.noticeProperty(), vm::dismissMessages),
                cards,
                new Section(I18n.t("dashboard.disk"), I18n.t("dashboard.diskHelp"), chart, pruneBar),
                new Section(I18n.t("dashboard.busiest"), I18n.t("dashboard.busiestHelp"), busiest));
        content.setPadding(new Insets(16));
    }

    private void show(DashboardSnapshot s) {
        cards.getChildren().clear();
        chart.getData().clear();
        busiest.getItems().clear();
        reclaim.setDisable(s == null || s.reclaimableWithoutVolumes() == 0);
        pruneVolumes.setDisable(s == null || s.disk().volumes().reclaimableBytes() == 0
                && s.disk().volumes().active() == s.disk().volumes().total());
        if (s == null) {
            diskTotal.setText("");
            reclaim.setText(I18n.t("dashboard.reclaim", Format.bytes(0)));
            return;
        }
        cards.getChildren().addAll(
                card("dashboard.engine", s.version().name().isBlank() ? s.version().version() : s.version().name(),
                        I18n.t("dashboard.engineDetail", s.version().version(), s.version().apiVersion(),
                                s.version().os() + "/" + s.version().arch())),
                card("dashboard.containers", Integer.toString(s.running() + s.stopped()),
                        I18n.t("dashboard.runningStopped", s.running(), s.stopped())),
                card("dashboard.images", Integer.toString(s.images()), Format.bytes(s.disk().images().sizeBytes())),
                card("dashboard.volumes", Integer.toString(s.volumes()), Format.bytes(s.disk().volumes().sizeBytes())),
                card("dashboard.networks", Integer.toString(s.networks()), ""));
        cards.getChildren().getFirst().setId("dashboard-engine-card");
        // A product name with its version is longer than a count: a smaller title keeps it on two lines at most.
        ((VBox) cards.getChildren().getFirst()).getChildren().get(1).getStyleClass().setAll("label", Styles.TITLE_4);
        Label up = new Label(I18n.t("dashboard.running"));
        up.getStyleClass().addAll("state-badge", "state-running");
        ((VBox) cards.getChildren().getFirst()).getChildren().add(1, up);
        XYChart.Series<String, Number> used = new XYChart.Series<>();
        used.setName(I18n.t("dashboard.inUse"));
        XYChart.Series<String, Number> free = new XYChart.Series<>();
        free.setName(I18n.t("dashboard.reclaimable"));
        bar(used, free, "dashboard.images", s.disk().images());
        bar(used, free, "dashboard.containers", s.disk().containers());
        bar(used, free, "dashboard.volumes", s.disk().volumes());
        bar(used, free, "dashboard.buildCache", s.disk().buildCache());
        chart.getData().setAll(List.of(used, free));
        diskTotal.setText(I18n.t("dashboard.diskTotal", Format.bytes(s.disk().totalBytes()),
                Format.bytes(s.reclaimableWithoutVolumes() + s.disk().volumes().reclaimableBytes())));
        reclaim.setText(I18n.t("dashboard.reclaim", Format.bytes(s.reclaimableWithoutVolumes())));
        busiest.getItems().setAll(s.busiest());
    }

    private static void bar(XYChart.Series<String, Number> used, XYChart.Series<String, Number> free, String key,
            DiskUsage.Category c) {
        String name = I18n.t(key);
        used.getData().add(new XYChart.Data<>(name, mb(c.sizeBytes() - c.reclaimableBytes())));
        free.getData().add(new XYChart.Data<>(name, mb(c.reclaimableBytes())));
    }

    private static double mb(long bytes) {
        return Math.max(0, bytes) / 1_000_000.0;
    }

    private static Node card(String titleKey, String value, String detail) {
        Label t = new Label(I18n.t(titleKey));
        t.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label v = new Label(value);
        v.getStyleClass().add(Styles.TITLE_3);
        v.setWrapText(true);
        Label d = new Label(detail);
        d.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        d.setWrapText(true);
        VBox card = new VBox(4, t, v, d);
        card.getStyleClass().add("dashboard-card");
        card.setPrefWidth(200);
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }

    private TableColumn<BusyContainer, String> nameColumn() {
        TableColumn<BusyContainer, String> col = new TableColumn<>(I18n.t("dashboard.col.container"));
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().name()));
        col.setPrefWidth(260);
        return col;
    }

    private TableColumn<BusyContainer, BusyContainer> cpuColumn() {
        TableColumn<BusyContainer, BusyContainer> col = new TableColumn<>(I18n.t("dashboard.col.cpu"));
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        col.setPrefWidth(260);
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BusyContainer b, boolean empty) {
                super.updateItem(b, empty);
                if (empty || b == null) {
                    setGraphic(null);
                    return;
                }
                ProgressBar bar = new ProgressBar(Math.min(1, b.cpuPercent() / 100));
                bar.setPrefWidth(140);
                Label l = new Label(String.format(Locale.ROOT, "%.1f %%", b.cpuPercent()));
                HBox box = new HBox(8, bar, l);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
            }
        });
        return col;
    }

    private TableColumn<BusyContainer, String> memoryColumn() {
        TableColumn<BusyContainer, String> col = new TableColumn<>(I18n.t("dashboard.col.memory"));
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().memoryLimitBytes() > 0
                ? I18n.t("dashboard.ofLimit", Format.memory(d.getValue().memoryBytes()),
                        Format.memory(d.getValue().memoryLimitBytes()))
                : Format.memory(d.getValue().memoryBytes())));
        col.setPrefWidth(200);
        return col;
    }

    private void confirmReclaim() {
        DashboardSnapshot s = vm.snapshotProperty().get();
        if (s != null && Dialogs.confirm(root,
                I18n.t("dashboard.reclaimConfirm", Format.bytes(s.reclaimableWithoutVolumes())),
                I18n.t("dashboard.reclaimHelp"), I18n.t("action.prune"))) {
            vm.pruneReclaimable();
        }
    }

    private void confirmPruneVolumes() {
        if (Dialogs.confirm(root, I18n.t("dashboard.pruneVolumesConfirm"), I18n.t("dashboard.pruneVolumesHelp"),
                I18n.t("action.prune"))) {
            vm.pruneVolumes();
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void focusSearch() {
        // The dashboard has nothing to search.
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    @Override
    public void deleteSelected() {
        // Nothing here is selected for removal; pruning asks through its own buttons.
    }
}
