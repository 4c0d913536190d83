package dev.berth.app.swarm;

import atlantafx.base.theme.Styles;
import dev.berth.app.engine.swarm.SwarmService;
import dev.berth.app.engine.swarm.SwarmTask;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import dev.berth.app.widgets.Dialogs;
import dev.berth.app.widgets.KeptSelection;
import dev.berth.app.widgets.MessageBar;
import dev.berth.app.widgets.Tables;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Services tab: the services, their actions, and below them the selected service's tasks. */
final class ServicesPane extends VBox {
    private final ServicesViewModel vm;
    private final TableView<SwarmService> services = new TableView<>();
    private final TableView<SwarmTask> tasks = new TableView<>();
    private final FilteredList<SwarmService> visible;
    private Consumer<SwarmService> onLogs = s -> {};

    ServicesPane(ServicesViewModel vm) {
        super(8);
        this.vm = vm;
        this.visible = new FilteredList<>(vm.items());
        services.setId("swarm-services");
        tasks.setId("swarm-tasks");
        Button create = Buttons.action(I18n.t("swarm.service.create"), this::create, Styles.ACCENT);
        create.setId("swarm-service-create");
        Button scale = Buttons.action(I18n.t("swarm.service.scale"), () -> withSelected(this::scale));
        Button update = Buttons.action(I18n.t("swarm.service.update"), () -> withSelected(this::updateImage));
        Button rollback = Buttons.action(I18n.t("swarm.service.rollback"), () -> withSelected(vm::rollback));
        Button logs = Buttons.action(I18n.t("swarm.service.logs"), () -> withSelected(s -> onLogs.accept(s)));
        Button remove = Buttons.action(I18n.t("action.remove"), this::removeSelected, Styles.DANGER);
        for (Button b : List.of(scale, update, rollback, logs, remove)) {
            b.disableProperty().bind(services.getSelectionModel().selectedItemProperty().isNull());
        }
        HBox actions = new HBox(8, create, scale, update, rollback, logs, remove);

        services.setItems(visible);
        KeptSelection.keep(services, SwarmService::id);
        Tables.setUp(services, I18n.t("swarm.tab.services"), I18n.t("swarm.service.empty"));
        services.getColumns().setAll(List.of(
                Tables.<SwarmService>text("swarm.col.name", 160, SwarmService::name),
                Tables.<SwarmService>text("swarm.col.mode", 90, s -> I18n.t("swarm.mode." + s.mode())),
                Tables.<SwarmService>text("swarm.col.replicas", 80, SwarmService::replicas),
                Tables.<SwarmService>text("swarm.col.image", 200, SwarmService::image),
                Tables.<SwarmService>text("swarm.col.ports", 140, s -> String.join(", ", s.ports())),
                Tables.<SwarmService>text("swarm.col.update", 160, ServicesPane::updateText),
                Tables.<SwarmService>text("swarm.col.stack", 100, SwarmService::stack)));
        services.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.select(b));

        tasks.setItems(vm.tasks());
        Tables.setUp(tasks, I18n.t("swarm.tasks"), I18n.t("swarm.task.empty"));
        tasks.getColumns().setAll(List.of(
                Tables.<SwarmTask>text("swarm.col.task", 130, SwarmTask::name),
                Tables.<SwarmTask>text("swarm.col.node", 120, SwarmTask::node),
                Tables.<SwarmTask>text("swarm.col.desired", 90, SwarmTask::desiredState),
                Tables.<SwarmTask>text("swarm.col.state", 90, SwarmTask::state),
                Tables.<SwarmTask>text("swarm.col.image", 180, SwarmTask::image),
                Tables.<SwarmTask>text("swarm.col.error", 240, t -> t.error().isEmpty() ? t.message() : t.error())));

        SplitPane split = new SplitPane(services, new VBox(4, new javafx.scene.control.Label(I18n.t("swarm.tasks")),
                tasks));
        VBox.setVgrow(tasks, Priority.ALWAYS);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(actions, new MessageBar(vm.errorProperty(), vm.noticeProperty(), vm::dismissMessages),
                split);
    }

    /** Shows only the services whose name or stack contains {@code text}. */
    void filter(String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        visible.setPredicate(s -> needle.isEmpty() || s.name().toLowerCase(Locale.ROOT).contains(needle)
                || s.stack().toLowerCase(Locale.ROOT).contains(needle));
    }

    /** "Logs" opens the service's log (the page decides where). */
    void setOnLogs(Consumer<SwarmService> onLogs) {
        this.onLogs = onLogs;
    }

    private static String updateText(SwarmService s) {
        if (s.updateState().isEmpty()) {
            return "";
        }
        String state = I18n.t("swarm.update." + s.updateState());
        return s.updateMessage().isEmpty() ? state : state + ": " + s.updateMessage();
    }

    private void withSelected(Consumer<SwarmService> action) {
        SwarmService s = services.getSelectionModel().getSelectedItem();
        if (s != null) {
            action.accept(s);
        }
    }

    private void create() {
        ServiceDialog.ask(this).ifPresent(f -> vm.create(f.name(), f.image(), f.replicas(), f.ports(), f.command()));
    }

    private void scale(SwarmService s) {
        Dialogs.askText(this, I18n.t("swarm.service.scale"), I18n.t("swarm.service.scaleHeader", s.name()),
                I18n.t("swarm.col.replicas"), Long.toString(s.desiredReplicas())).ifPresent(n -> vm.scale(s, n));
    }

    private void updateImage(SwarmService s) {
        Dialogs.askText(this, I18n.t("swarm.service.update"), I18n.t("swarm.service.updateHeader", s.name()),
                I18n.t("swarm.col.image"), s.image()).ifPresent(image -> vm.updateImage(s, image));
    }

    void removeSelected() {
        List<SwarmService> rows = List.copyOf(services.getSelectionModel().getSelectedItems());
        if (!rows.isEmpty() && Dialogs.confirm(this, I18n.t("swarm.service.removeConfirm", rows.size()),
                I18n.t("swarm.service.removeHelp") + "\n" + String.join(", ", rows.stream().map(SwarmService::name)
                        .toList()),
                I18n.t("action.remove"))) {
            vm.remove(rows);
        }
    }
}
