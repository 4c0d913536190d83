package dev.berth.app.images;

import atlantafx.base.theme.Styles;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * A window that pulls or pushes one image and shows each layer's progress, including layers that "Already exist",
 * with a Cancel while it runs. Closing the window leaves the transfer running; a notification tells when it ends.
 */
final class TransferDialog {
    private final Stage stage = new Stage();

    /** The pull window: the person types a reference and presses Pull. */
    static TransferDialog pull(PullViewModel vm, Node owner) {
        TextField reference = new TextField();
        reference.setId("pull-reference");
        reference.setPromptText("busybox:latest");
        reference.setAccessibleText(I18n.t("pull.reference"));
        reference.textProperty().bindBidirectional(vm.referenceProperty());
        reference.setOnAction(e -> vm.pull());
        Button pull = new Button(I18n.t("images.pull"));
        pull.setId("pull-submit");
        pull.getStyleClass().add(Styles.ACCENT);
        pull.setDefaultButton(true);
        pull.disableProperty().bind(vm.runningProperty());
        pull.setOnAction(e -> vm.pull());
        HBox.setHgrow(reference, Priority.ALWAYS);
        return new TransferDialog(vm, owner, I18n.t("images.pull"), I18n.t("pull.help"), new HBox(8, reference, pull));
    }

    /** The push window: it starts pushing the chosen {@code repo:tag} at once. */
    static TransferDialog push(PushViewModel vm, Node owner) {
        Label what = new Label(vm.reference());
        what.setId("push-reference");
        what.getStyleClass().add(Styles.TEXT_BOLD);
        TransferDialog d = new TransferDialog(vm, owner, I18n.t("images.push"), I18n.t("push.help"), what);
        vm.push();
        return d;
    }

    private TransferDialog(TransferViewModel vm, Node owner, String title, String help, Node top) {
        stage.initOwner(owner.getScene().getWindow());
        stage.initModality(Modality.NONE);
        stage.setTitle(title);

        Label intro = new Label(help);
        intro.setWrapText(true);
        // A wrapping label in a VBox otherwise keeps its one-line minimum height and cuts the text off.
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        ListView<LayerProgress> layers = new ListView<>(vm.layers());
        layers.setAccessibleText(I18n.t("pull.layers"));
        layers.setPlaceholder(new Label(I18n.t("pull.noLayers")));
        layers.setCellFactory(l -> new LayerCell());
        VBox.setVgrow(layers, Priority.ALWAYS);

        Label status = new Label();
        status.setId("transfer-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        Label error = new Label();
        error.setId("pull-error");
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        Button cancel = new Button(I18n.t("action.cancel"));
        cancel.setId("transfer-cancel");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button(I18n.t("action.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox bottom = new HBox(8, cancel, close);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);

        VBox root = new VBox(10, intro, top, layers, status, error, bottom);
        root.setPadding(new Insets(16));
        stage.setScene(new javafx.scene.Scene(root, 560, 420));
        stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
    }

    void show() {
        stage.show();
    }

    /** One layer: short ID, status text, and a bar that fills as bytes arrive. */
    private static final class LayerCell extends ListCell<LayerProgress> {
        @Override
        protected void updateItem(LayerProgress p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label id = new Label(p.layerId());
            id.getStyleClass().add(Styles.TEXT_BOLD);
            id.setMinWidth(110);
            String bytes = p.total() > 0 ? "  " + Format.bytes(p.current()) + " / " + Format.bytes(p.total()) : "";
            Label status = new Label(p.status() + bytes);
            status.setMinWidth(220);
            ProgressBar bar = new ProgressBar(p.fraction());
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            bar.setAccessibleText(p.layerId() + " " + p.status());
            GridPane.setHgrow(bar, Priority.ALWAYS);
            HBox line = new HBox(10, id, status, bar);
            line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setGraphic(line);
            setText(null);
        }
    }
}
