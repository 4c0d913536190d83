package dev.berth.app.swarm;

import atlantafx.base.theme.Styles;
import dev.berth.app.engine.swarm.SwarmNode;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import dev.berth.app.widgets.Dialogs;
import dev.berth.app.widgets.KeptSelection;
import dev.berth.app.widgets.MessageBar;
import dev.berth.app.widgets.Tables;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Nodes tab: the swarm's nodes with drain/pause/activate, promote/demote and remove. */
final class NodesPane extends VBox {
    private final NodesViewModel vm;
    private final TableView<SwarmNode> table = new TableView<>();

    NodesPane(NodesViewModel vm) {
        super(8);
        this.vm = vm;
        table.setId("swarm-nodes");
        Button drain = Buttons.action(I18n.t("swarm.node.drain"), () -> withSelected(n -> vm.setAvailability(n,
                "drain")));
        Button pause = Buttons.action(I18n.t("swarm.node.pause"), () -> withSelected(n -> vm.setAvailability(n,
                "pause")));
        Button activate = Buttons.action(I18n.t("swarm.node.activate"), () -> withSelected(n -> vm.setAvailability(
                n, "active")));
        Button promote = Buttons.action(I18n.t("swarm.node.promote"), () -> withSelected(vm::promote));
        Button demote = Buttons.action(I18n.t("swarm.node.demote"), () -> withSelected(vm::demote));
        Button remove = Buttons.action(I18n.t("action.remove"), this::removeSelected, Styles.DANGER);
        for (Button b : List.of(drain, pause, activate, promote, demote, remove)) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        table.setItems(vm.items());
        KeptSelection.keep(table, SwarmNode::id);
        Tables.setUp(table, I18n.t("swarm.tab.nodes"), I18n.t("swarm.node.empty"));
        table.getColumns().setAll(List.of(
                Tables.<SwarmNode>text("swarm.col.hostname", 180, n -> n.hostname() + (n.self() ? " *" : "")),
                Tables.<SwarmNode>text("swarm.col.status", 90, n -> I18n.t("swarm.nodeState." + n.state())),
                Tables.<SwarmNode>text("swarm.col.availability", 110, n -> I18n.t("swarm.availability."
                        + n.availability())),
                Tables.<SwarmNode>text("swarm.col.role", 90, n -> I18n.t("swarm.role." + n.role())),
                Tables.<SwarmNode>text("swarm.col.manager", 110, SwarmNode::managerStatus),
                Tables.<SwarmNode>text("swarm.col.engine", 100, SwarmNode::engineVersion),
                Tables.<SwarmNode>text("swarm.col.address", 130, SwarmNode::address)));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, drain, pause, activate, promote, demote, remove),
                new MessageBar(vm.errorProperty(), vm.noticeProperty(), vm::dismissMessages), table);
    }

    private void withSelected(Consumer<SwarmNode> action) {
        SwarmNode n = table.getSelectionModel().getSelectedItem();
        if (n != null) {
            action.accept(n);
        }
    }

    void removeSelected() {
        List<SwarmNode> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (!rows.isEmpty() && Dialogs.confirm(this, I18n.t("swarm.node.removeConfirm", rows.size()),
                I18n.t("swarm.node.removeHelp") + "\n" + String.join(", ", rows.stream().map(SwarmNode::hostname)
                        .toList()),
                I18n.t("action.remove"))) {
            vm.remove(rows, rows.stream().anyMatch(n -> !n.state().equals("down")));
        }
    }
}
