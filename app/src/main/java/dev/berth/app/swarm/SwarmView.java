package dev.berth.app.swarm;

import dev.berth.app.engine.swarm.SwarmStatus;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import dev.berth.app.widgets.Dialogs;
import dev.berth.app.widgets.MessageBar;
import dev.berth.app.widgets.OnScreen;
import dev.berth.app.widgets.Page;
import dev.berth.app.widgets.PageHeader;
import dev.berth.app.widgets.Tables;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Swarm page: the engine's place in a swarm with Initialize, Join and Leave, and on a manager the tabs Services
 * (with tasks and logs), Nodes, Stacks, Secrets and Configs. While it shows, the services and the selected service's
 * tasks are read every two seconds: tasks change on other nodes without an event on this one.
 */
public final class SwarmView implements Page {
    private final SwarmViewModel vm;
    private final VBox root = new VBox(10);
    private final PageHeader header = new PageHeader(I18n.t("swarm.title"), I18n.t("swarm.subtitle"));
    private final Label statusLine = new Label();
    private final TabPane tabs = new TabPane();
    private final ServicesPane services;
    private final NodesPane nodes;
    private final Timeline poll;

    public SwarmView(SwarmViewModel vm, java.util.function.Supplier<ServiceLogsViewModel> newLogs) {
        this.vm = vm;
        this.services = new ServicesPane(vm.services());
        this.nodes = new NodesPane(vm.nodes());
        services.setOnLogs(s -> ServiceLogsWindow.open(root, newLogs.get(), s));
        Button init = Buttons.action(I18n.t("swarm.init"), this::init);
        init.setId("swarm-init");
        Button join = Buttons.action(I18n.t("swarm.join"), this::join);
        Button leave = Buttons.action(I18n.t("swarm.leave"), this::leave);
        header.addActions(init, join, leave);
        header.search().textProperty().addListener((o, a, b) -> services.filter(b));
        statusLine.setId("swarm-status");
        statusLine.setWrapText(true);

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(List.of(new Tab(I18n.t("swarm.tab.services"), services),
                new Tab(I18n.t("swarm.tab.nodes"), nodes), new Tab(I18n.t("swarm.tab.stacks"), stacks()),
                new Tab(I18n.t("swarm.tab.secrets"), new SwarmObjectsPane(vm.secrets())),
                new Tab(I18n.t("swarm.tab.configs"), new SwarmObjectsPane(vm.configs()))));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        vm.statusProperty().addListener((o, a, b) -> show(b));
        show(vm.statusProperty().get());
        init.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.statusProperty().get().active(), vm.statusProperty()));
        join.disableProperty().bind(init.disableProperty());
        leave.disableProperty().bind(init.disableProperty().not());

        root.getChildren().addAll(header, statusLine, new MessageBar(vm.errorProperty(), vm.noticeProperty(),
                vm::dismissMessages), tabs);
        root.getStyleClass().add("page");
        poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> {
            if (vm.statusProperty().get().canManage()) {
                vm.services().refresh();
                vm.services().refreshTasks();
                vm.nodes().refresh();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        OnScreen.track(root, shown -> {
            if (shown) {
                vm.refresh();
                poll.play();
            } else {
                poll.stop();
            }
        });
    }

    private Node stacks() {
        TableView<ServicesViewModel.StackRow> table = new TableView<>(vm.services().stacks());
        Tables.setUp(table, I18n.t("swarm.tab.stacks"), I18n.t("swarm.stack.empty"));
        table.getColumns().setAll(List.of(
                Tables.<ServicesViewModel.StackRow>text("swarm.col.stack", 240, ServicesViewModel.StackRow::name),
                Tables.<ServicesViewModel.StackRow>text("swarm.col.services", 120, r -> Integer.toString(r
                        .services()))));
        // Choosing a stack shows its services.
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                header.search().setText(b.name());
                tabs.getSelectionModel().select(0);
            }
        });
        VBox box = new VBox(8, new Label(I18n.t("swarm.stack.help")), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private void show(SwarmStatus s) {
        tabs.setVisible(s.canManage());
        tabs.setManaged(s.canManage());
        if (!s.active()) {
            statusLine.setText(s.state().equals("inactive") ? I18n.t("swarm.status.inactive")
                    : I18n.t("swarm.status.other", s.state(), s.error()));
        } else if (s.manager()) {
            statusLine.setText(I18n.t("swarm.status.manager", s.nodes(), s.managers()));
        } else {
            statusLine.setText(I18n.t("swarm.status.worker"));
        }
    }

    private void init() {
        Dialogs.askText(root, I18n.t("swarm.init"), I18n.t("swarm.init.header"), I18n.t("swarm.init.address"), "")
                .ifPresent(vm::init);
    }

    private void join() {
        Dialogs.askText(root, I18n.t("swarm.join"), I18n.t("swarm.join.header"), I18n.t("swarm.join.manager"), "")
                .ifPresent(address -> Dialogs.askText(root, I18n.t("swarm.join"), I18n.t("swarm.join.tokenHeader"),
                        I18n.t("swarm.join.token"), "").ifPresent(token -> vm.join(address, token)));
    }

    private void leave() {
        SwarmStatus s = vm.statusProperty().get();
        boolean lastManager = s.manager() && s.managers() <= 1;
        if (Dialogs.confirm(root, I18n.t("swarm.leave.confirm"), I18n.t(lastManager ? "swarm.leave.lastManager"
                : "swarm.leave.help"), I18n.t("swarm.leave"))) {
            vm.leave(lastManager);
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void focusSearch() {
        header.search().requestFocus();
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    @Override
    public void deleteSelected() {
        if (tabs.getSelectionModel().getSelectedIndex() == 0) {
            services.removeSelected();
        } else if (tabs.getSelectionModel().getSelectedIndex() == 1) {
            nodes.removeSelected();
        }
    }

}
