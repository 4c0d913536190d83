package dev.berth.app.xray;

import atlantafx.base.theme.Styles;
import dev.berth.app.engine.XRayReport;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Section;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The X-ray of one container as a scrolling page of sections: processes, namespaces, cgroup, filesystem, privileges.
 * A plain Node, so a container window can show it as a tab: call {@link XRayViewModel#load(String)} to fill it.
 */
public final class XRayView {
    private final XRayViewModel vm;
    private final StackPane root = new StackPane();
    private final VBox sections = new VBox(18);

    public XRayView(XRayViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("xray");
        root.getStylesheets().add(XRayView.class.getResource("/dev/berth/app/xray/xray.css").toExternalForm());
        sections.setPadding(new Insets(12, 16, 16, 16));
        vm.statusProperty().addListener((o, a, b) -> render());
        render();
    }

    public Node root() {
        return root;
    }

    private void render() {
        switch (vm.statusProperty().get()) {
            case IDLE -> root.getChildren().setAll(new Label(""));
            case LOADING -> root.getChildren().setAll(centered(new ProgressIndicator(), I18n.t("xray.loading")));
            case READY -> {
                fill(vm.reportProperty().get());
                ScrollPane scroll = new ScrollPane(sections);
                scroll.setFitToWidth(true);
                scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
                root.getChildren().setAll(scroll);
            }
            case UNAVAILABLE, NOT_RUNNING, FAILED -> {
                Label why = new Label(vm.messageProperty().get());
                why.setId("xray-message");
                why.setWrapText(true);
                why.setMaxWidth(520);
                Button again = new Button(I18n.t("xray.tryAgain"));
                again.setOnAction(e -> vm.refresh());
                root.getChildren().setAll(centered(why, null, again));
            }
        }
    }

    private static VBox centered(Node main, String caption, Node... more) {
        VBox box = new VBox(12, main);
        if (caption != null) {
            box.getChildren().add(new Label(caption));
        }
        box.getChildren().addAll(more);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(24));
        return box;
    }

    private void fill(XRayReport r) {
        Label intro = new Label(I18n.t("xray.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("xray-intro");
        Button refresh = new Button(I18n.t("xray.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(I18n.t("xray.title", r.name(), r.image()));
        title.getStyleClass().add(Styles.TITLE_3);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, spacer, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        sections.getChildren().setAll(top, intro, processes(r), namespaces(r), cgroup(), filesystem(r), privileges(r));
    }

    private Node processes(XRayReport r) {
        XRayReport.Process init = vm.initProcess();
        Label headline = new Label(init == null ? "" : I18n.t("xray.pidHeadline", init.containerPid(), init.hostPid()));
        headline.setId("xray-pid-headline");
        headline.getStyleClass().add("xray-headline");
        TableView<XRayReport.Process> table = new TableView<>();
        table.setId("xray-processes");
        table.getItems().setAll(r.processes());
        table.getColumns().setAll(List.of(
                column("xray.col.pidInside", 120, p -> Long.toString(p.containerPid())),
                column("xray.col.pidHost", 120, p -> Long.toString(p.hostPid())),
                column("xray.col.command", 420, p -> p.cmdline().isBlank() ? "[" + p.name() + "]" : p.cmdline())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(30);
        // Header plus every row (up to ten), so a handful of processes needs no scrolling.
        table.setPrefHeight(44 + 30 * Math.min(10, Math.max(1, r.processes().size())));
        table.setMinHeight(Region.USE_PREF_SIZE);
        return new Section(I18n.t("xray.processes"), I18n.t("xray.processesHelp"), headline, table);
    }

    private Node namespaces(XRayReport r) {
        GridPane grid = grid();
        grid.addRow(0, head("xray.col.namespace"), head("xray.col.inodeInside"), head("xray.col.inodeHost"), head(""));
        int row = 1;
        for (XRayReport.Namespace n : r.namespaces()) {
            Label badge = new Label(I18n.t(n.shared() ? "xray.nsShared" : "xray.nsOwn"));
            badge.getStyleClass().addAll("state-badge", n.shared() ? "state-exited" : "state-running");
            Label type = new Label(n.type());
            type.setTooltip(new javafx.scene.control.Tooltip(I18n.t("xray.ns." + n.type())));
            grid.addRow(row++, type, mono(Long.toString(n.inode())), mono(Long.toString(n.hostInode())), badge);
        }
        Label count = new Label(I18n.t("xray.nsCount", vm.isolatedNamespaceCount(), r.namespaces().size()));
        count.getStyleClass().add("xray-headline");
        return new Section(I18n.t("xray.namespaces"), I18n.t("xray.namespacesHelp"), count, grid);
    }

    private Node cgroup() {
        XRayReport.Cgroup c = vm.reportProperty().get().cgroup();
        GridPane grid = grid();
        ProgressBar memory = new ProgressBar(Math.max(0, vm.memoryShare()));
        memory.setPrefWidth(220);
        memory.setVisible(vm.memoryShare() >= 0);
        HBox memoryLine = new HBox(12, new Label(vm.memoryText()), memory);
        memoryLine.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(0, head("xray.memory"), memoryLine);
        grid.addRow(1, head("xray.cpu"), new Label(vm.cpuText()));
        grid.addRow(2, head("xray.pids"), new Label(vm.pidsText()));
        grid.addRow(3, head("xray.cgroupPath"), mono(c.path() + "  (cgroup " + c.version() + ")"));
        return new Section(I18n.t("xray.cgroup"), I18n.t("xray.cgroupHelp"), grid);
    }

    private Node filesystem(XRayReport r) {
        XRayReport.Overlay o = r.overlay();
        VBox stack = new VBox(4);
        stack.getStyleClass().add("xray-stack");
        stack.getChildren().add(slab("xray-merged", I18n.t("xray.merged"), o.merged()));
        stack.getChildren().add(slab("xray-upper", I18n.t("xray.upper", o.changes().size()), o.upperDir()));
        for (XRayReport.Layer l : o.lowers()) {
            int number = o.lowers().size() - l.position();
            stack.getChildren().add(slab("xray-lower", I18n.t("xray.lower", number, Format.bytes(l.sizeBytes())),
                    l.diffId().isBlank() ? l.lowerDir() : l.diffId()));
        }
        Label count = new Label(I18n.t("xray.lowerCount", vm.lowerLayerCount()));
        count.setId("xray-lower-count");
        count.getStyleClass().add("xray-headline");
        VBox changes = new VBox(2);
        Label changesTitle = new Label(I18n.t("xray.changes"));
        changesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        changes.getChildren().add(changesTitle);
        if (o.changes().isEmpty()) {
            changes.getChildren().add(muted(I18n.t("xray.noChanges")));
        }
        for (XRayReport.Change ch : o.changes().stream().limit(60).toList()) {
            Label kind = new Label(I18n.t("xray.change." + ch.kind()));
            kind.getStyleClass().addAll("xray-change", "xray-change-" + ch.kind());
            kind.setMinWidth(70);
            HBox line = new HBox(8, kind, mono(ch.path()));
            changes.getChildren().add(line);
        }
        if (o.changes().size() > 60 || o.changesTruncated()) {
            changes.getChildren().add(muted(I18n.t("xray.moreChanges")));
        }
        return new Section(I18n.t("xray.filesystem"), I18n.t("xray.filesystemHelp"), count, stack, changes);
    }

    private Node privileges(XRayReport r) {
        XRayReport.Security s = r.security();
        GridPane grid = grid();
        grid.addRow(0, head("xray.user"), new Label(vm.userText()));
        grid.addRow(1, head("xray.seccomp"), new Label(vm.seccompText()));
        grid.addRow(2, head("xray.noNewPrivs"),
                new Label(I18n.t(s.noNewPrivs() ? "xray.noNewPrivsOn" : "xray.noNewPrivsOff")));
        FlowPane granted = chips(s.capEffective(), "xray-cap-granted");
        granted.setId("xray-caps");
        FlowPane missing = chips(vm.missingCapabilities(), "xray-cap-missing");
        Label grantedTitle = new Label(I18n.t("xray.capsGranted", s.capEffective().size()));
        grantedTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label missingTitle = new Label(I18n.t("xray.capsMissing", vm.missingCapabilities().size()));
        missingTitle.getStyleClass().add(Styles.TEXT_BOLD);
        return new Section(I18n.t("xray.privileges"), I18n.t("xray.privilegesHelp"), grid, grantedTitle, granted,
                missingTitle, missing);
    }

    private static FlowPane chips(List<String> caps, String style) {
        FlowPane pane = new FlowPane(6, 6);
        for (String cap : caps) {
            Label chip = new Label(cap.replaceFirst("^CAP_", ""));
            chip.getStyleClass().addAll("xray-chip", style);
            pane.getChildren().add(chip);
        }
        return pane;
    }

    private static Node slab(String style, String title, String detail) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TEXT_BOLD);
        t.setMinWidth(Region.USE_PREF_SIZE);
        Label d = mono(detail);
        d.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        HBox box = new HBox(12, t, d);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().addAll("xray-slab", style);
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        return grid;
    }

    private static Label head(String key) {
        Label l = new Label(key.isEmpty() ? "" : I18n.t(key));
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Label mono(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("xray-mono");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static <T> TableColumn<T, String> column(String key, double width, Function<T, String> value) {
        TableColumn<T, String> col = new TableColumn<>(I18n.t(key));
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }
}
