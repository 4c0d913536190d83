package dev.berth.app.swarm;

import atlantafx.base.theme.Styles;
import dev.berth.app.engine.swarm.SwarmObject;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import dev.berth.app.widgets.Dialogs;
import dev.berth.app.widgets.MessageBar;
import dev.berth.app.widgets.Tables;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Secrets or Configs tab: names and dates, New… from text, Remove. */
final class SwarmObjectsPane extends VBox {
    private final SwarmObjectsViewModel vm;
    private final TableView<SwarmObject> table = new TableView<>();
    private final String prefix;

    SwarmObjectsPane(SwarmObjectsViewModel vm) {
        super(8);
        this.vm = vm;
        this.prefix = vm.kind() == SwarmObjectsViewModel.Kind.SECRET ? "swarm.secret." : "swarm.config.";
        Button create = Buttons.action(I18n.t(prefix + "create"), this::create, Styles.ACCENT);
        Button remove = Buttons.action(I18n.t("action.remove"), this::removeSelected, Styles.DANGER);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.setItems(vm.items());
        Tables.setUp(table, I18n.t(prefix + "title"), I18n.t(prefix + "empty"));
        table.getColumns().setAll(List.of(
                Tables.<SwarmObject>text("swarm.col.name", 260, SwarmObject::name),
                Tables.<SwarmObject>text("swarm.col.id", 220, SwarmObject::id),
                Tables.<SwarmObject>text("swarm.col.created", 200, SwarmObject::createdAt)));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, create, remove), new MessageBar(vm.errorProperty(), vm.noticeProperty(),
                vm::dismissMessages), table);
    }

    private void create() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(I18n.t(prefix + "create"));
        d.setHeaderText(I18n.t(prefix + "createHeader"));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        TextField name = new TextField();
        name.setPromptText(I18n.t("swarm.col.name"));
        name.setAccessibleText(I18n.t("swarm.col.name"));
        TextArea data = new TextArea();
        data.setPromptText(I18n.t(prefix + "data"));
        data.setAccessibleText(I18n.t(prefix + "data"));
        data.setPrefRowCount(6);
        d.getDialogPane().setContent(new VBox(8, name, data));
        if (getScene() != null) {
            d.initOwner(getScene().getWindow());
        }
        d.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> vm.create(name.getText(), data.getText()));
    }

    void removeSelected() {
        List<SwarmObject> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (!rows.isEmpty() && Dialogs.confirm(this, I18n.t(prefix + "removeConfirm", rows.size()),
                String.join(", ", rows.stream().map(SwarmObject::name).toList()), I18n.t("action.remove"))) {
            vm.remove(rows);
        }
    }
}
