package dev.berth.app.networks;

import atlantafx.base.theme.Styles;
import dev.berth.app.engine.NetworkSummary;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import dev.berth.app.widgets.MessageBar;
import dev.berth.app.widgets.ListPage;
import dev.berth.app.widgets.PageHeader;
import dev.berth.app.widgets.Tables;
import java.util.List;
import java.util.Locale;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Networks page. */
public final class NetworksView extends ListPage {
    private final NetworksViewModel vm;
    private final TableView<NetworkSummary> table = new TableView<>();

    public NetworksView(NetworksViewModel vm) {
        super(new PageHeader(I18n.t("networks.title"), I18n.t("networks.subtitle")), vm);
        this.vm = vm;
        createView();
    }

    private void createView() {
        FilteredList<NetworkSummary> visible = new FilteredList<>(vm.items());
        header.search().textProperty().addListener((o, a, b) -> {
            String needle = b.strip().toLowerCase(Locale.ROOT);
            visible.setPredicate(n -> needle.isEmpty() || n.name().toLowerCase(Locale.ROOT).contains(needle));
        });
        Button create = Buttons.action(I18n.t("networks.create"), this::create, Styles.ACCENT);
        Button remove = Buttons.action(I18n.t("action.remove"), this::deleteSelected, Styles.DANGER);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        header.addActions(create, remove);

        table.setItems(visible);
        dev.berth.app.widgets.KeptSelection.keep(table, NetworkSummary::id);
        Tables.setUp(table, I18n.t("networks.title"), I18n.t("networks.empty"));
        table.getColumns().setAll(List.of(
                Tables.<NetworkSummary>text("networks.col.name", 200, NetworkSummary::name),
                Tables.<NetworkSummary>text("networks.col.id", 130, n -> Format.shortId(n.id())),
                Tables.<NetworkSummary>text("networks.col.driver", 90, NetworkSummary::driver),
                Tables.<NetworkSummary>text("networks.col.subnet", 160, n -> String.join(", ", n.subnets())),
                Tables.<NetworkSummary>text("networks.col.internal", 90,
                        n -> n.internal() ? I18n.t("common.yes") : I18n.t("common.no")),
                Tables.<NetworkSummary>text("networks.col.scope", 90, NetworkSummary::scope)));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(header, new MessageBar(vm.errorProperty(), vm.noticeProperty(), vm::dismissMessages),
                table);
        root.getStyleClass().add("page");
        // Hidden, the page reloads only when it shows again (see ResourceListViewModel#setShown).
        dev.berth.app.widgets.OnScreen.track(root, vm::setShown);
    }

    private void create() {
        TextField name = new TextField();
        name.setAccessibleText(I18n.t("networks.col.name"));
        TextField subnet = new TextField();
        subnet.setPromptText("172.30.0.0/16");
        subnet.setAccessibleText(I18n.t("networks.col.subnet"));
        CheckBox internal = new CheckBox(I18n.t("networks.internalHelp"));
        GridPane form = new GridPane(10, 10);
        form.setPadding(new Insets(10));
        form.addRow(0, new Label(I18n.t("networks.col.name")), name);
        form.addRow(1, new Label(I18n.t("networks.col.subnet")), subnet);
        form.add(internal, 1, 2);
        Label subnetHelp = new Label(I18n.t("networks.subnetHelp"));
        subnetHelp.getStyleClass().add(Styles.TEXT_MUTED);
        form.add(subnetHelp, 1, 3);
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(I18n.t("networks.create"));
        d.setHeaderText(I18n.t("networks.createHeader"));
        d.getDialogPane().setContent(form);
        ButtonType ok = new ButtonType(I18n.t("networks.create"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, new ButtonType(I18n.t("action.cancel"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        d.initOwner(root.getScene().getWindow());
        javafx.application.Platform.runLater(name::requestFocus);
        d.showAndWait().filter(ok::equals).ifPresent(b -> vm.create(name.getText(), subnet.getText(),
                internal.isSelected()));
    }

    @Override
    public void deleteSelected() {
        List<NetworkSummary> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (confirmRemoval(rows.stream().map(NetworkSummary::name).toList(),
                I18n.t("networks.removeConfirm", rows.size()), "")) {
            vm.remove(rows);
        }
    }
}
