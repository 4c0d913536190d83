package dev.berth.app.stats;

import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A table of every running container's CPU, memory, network and block IO, updated live while shown. */
public final class StatsOverviewView {
    private final VBox root = new VBox(8);

    public StatsOverviewView(StatsOverviewViewModel vm) {
        TableView<OverviewRow> table = new TableView<>(vm.rows());
        table.getColumns().add(column("stats.col.name", OverviewRow::name));
        table.getColumns().add(column("stats.col.cpu", r -> r.sample() == null ? "…"
                : String.format("%.1f %%", r.sample().cpuPercent())));
        table.getColumns().add(column("stats.col.memory", r -> r.sample() == null ? "…"
                : Format.memory(r.sample().memoryUsage()) + (r.sample().memoryLimit() > 0
                        ? " / " + Format.memory(r.sample().memoryLimit()) : "")));
        table.getColumns().add(column("stats.col.network", r -> r.sample() == null ? "…"
                : Format.bytes(r.sample().netRx()) + " / " + Format.bytes(r.sample().netTx())));
        table.getColumns().add(column("stats.col.block", r -> r.sample() == null ? "…"
                : Format.bytes(r.sample().blockRead()) + " / " + Format.bytes(r.sample().blockWrite())));
        table.getColumns()
                .add(column("stats.col.pids", r -> r.sample() == null ? "…" : String.valueOf(r.sample().pids())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.t("stats.noneRunning")));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        root.getChildren().addAll(error, table);
    }

    private static TableColumn<OverviewRow, String> column(String key, Function<OverviewRow, String> text) {
        TableColumn<OverviewRow, String> c = new TableColumn<>(I18n.t(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setPrefWidth(140);
        return c;
    }

    public Node root() {
        return root;
    }
}
