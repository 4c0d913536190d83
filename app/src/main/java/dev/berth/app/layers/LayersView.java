package dev.berth.app.layers;

import atlantafx.base.theme.Styles;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.MessageBar;
import dev.berth.app.widgets.Section;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * An image's layers (instruction, size, which other images hold it) and, below, every image as a strip of blocks,
 * one per layer, where a colored block is a layer kept once and shared by the images showing the same color.
 */
public final class LayersView {
    /** Colors for shared layers, from layers.css ({@code .layer-shared-0} …). */
    private static final int PALETTE = 8;

    private final LayersViewModel vm;
    private final VBox content = new VBox(16);
    private final ScrollPane root = new ScrollPane(content);
    private final TableView<LayerRow> table = new TableView<>();
    private final VBox strips = new VBox(6);
    private final Label savings = new Label();

    public LayersView(LayersViewModel vm) {
        this.vm = vm;
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        content.getStyleClass().add("layers-content");
        root.getStyleClass().addAll("layers", atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        root.getStylesheets().add(LayersView.class.getResource("/dev/berth/app/layers/layers.css").toExternalForm());
        content.setPadding(new Insets(12, 16, 16, 16));
        createView();
        vm.sharingProperty().addListener((o, a, b) -> drawStrips());
        vm.selectedProperty().addListener((o, a, b) -> drawStrips());
    }

    /** Opens the view in its own window over {@code owner}, showing {@code imageId} (null: the first image). */
    public static Stage openWindow(Node owner, LayersViewModel vm, String imageId) {
        LayersView view = new LayersView(vm);
        Stage stage = new Stage();
        Scene scene = new Scene(view.root, 980, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            stage.initOwner(owner.getScene().getWindow());
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
        stage.setTitle(I18n.t("layers.title"));
        vm.open(imageId);
        stage.show();
        return stage;
    }

    public Node root() {
        return root;
    }

    private void createView() {
        Label title = new Label(I18n.t("layers.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label(I18n.t("layers.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        ComboBox<ImageChoice> picker = new ComboBox<>(vm.images());
        picker.valueProperty().bindBidirectional(vm.selectedProperty());
        picker.setAccessibleText(I18n.t("layers.image"));
        picker.setPrefWidth(360);
        Label pickerLabel = new Label(I18n.t("layers.image"));
        pickerLabel.setLabelFor(picker);
        Button refresh = new Button(I18n.t("layers.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, pickerLabel, picker, spacer, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("layers-table");
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.t("layers.empty")));
        table.getColumns().setAll(List.of(
                column("layers.col.layer", 70, r -> r.empty() ? "—" : Integer.toString(r.number())),
                column("layers.col.instruction", 390, LayerRow::instruction),
                column("layers.col.size", 90, r -> r.empty() ? "" : Format.bytes(r.size())),
                column("layers.col.created", 140,
                        r -> r.created() == null ? "" : Format.age(r.created(), Instant.now())),
                column("layers.col.sharedWith", 220, vm::sharedWithText)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LayerRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("no-layer"),
                        !empty && row != null && row.empty());
            }
        });
        table.setFixedCellSize(32);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> 44.0 + 32 * Math.min(12, Math.max(3, vm.rows().size())), vm.rows()));
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_BOLD);
        count.textProperty().bind(vm.summaryProperty());
        count.setId("layers-count");

        savings.setWrapText(true);
        savings.getStyleClass().add(Styles.TEXT_BOLD);
        savings.setId("layers-savings");
        content.getChildren().addAll(title, intro, bar,
                new MessageBar(vm.errorProperty(), new ReadOnlyStringWrapper("").getReadOnlyProperty(), () -> {}),
                new Section(I18n.t("layers.history"), I18n.t("layers.historyHelp"), count, table),
                new Section(I18n.t("layers.sharing"), I18n.t("layers.sharingHelp"), savings, strips));
    }

    private void drawStrips() {
        SharingMap s = vm.sharingProperty().get();
        savings.setText(vm.savingsText());
        Map<String, Integer> colors = new HashMap<>();
        for (String chain : s.sharedLayers()) {
            colors.put(chain, colors.size() % PALETTE);
        }
        strips.getChildren().clear();
        String selected = vm.selectedProperty().get() == null ? "" : vm.selectedProperty().get().label();
        for (var e : s.chainsByImage().entrySet()) {
            Label name = new Label(e.getKey());
            name.setMinWidth(240);
            name.setPrefWidth(240);
            name.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            if (e.getKey().equals(selected)) {
                name.getStyleClass().add(Styles.TEXT_BOLD);
            }
            HBox blocks = new HBox(3);
            for (String chain : e.getValue()) {
                Region block = new Region();
                block.setMinSize(26, 20);
                block.setPrefSize(26, 20);
                Integer color = colors.get(chain);
                block.getStyleClass().addAll("layer-block", color == null ? "layer-own" : "layer-shared-" + color);
                Tooltip.install(block, new Tooltip(Format.shortId(chain) + " · " + Format.bytes(s.size(chain)) + "\n"
                        + I18n.t("layers.heldBy", String.join(", ", s.users(chain)))));
                blocks.getChildren().add(block);
            }
            HBox line = new HBox(10, name, blocks,
                    new Label(Format.bytes(e.getValue().stream().mapToLong(s::size).sum())));
            line.setAlignment(Pos.CENTER_LEFT);
            strips.getChildren().add(line);
        }
        Label legend = new Label(I18n.t("layers.legend"));
        legend.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        legend.setWrapText(true);
        strips.getChildren().add(legend);
    }

    private static TableColumn<LayerRow, String> column(String key, double width, Function<LayerRow, String> value) {
        TableColumn<LayerRow, String> col = new TableColumn<>(I18n.t(key));
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }
}
