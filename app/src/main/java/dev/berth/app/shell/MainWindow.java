package dev.berth.app.shell;

import dev.berth.app.containers.ContainersView;
import dev.berth.app.images.ImagesView;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.networks.NetworksView;
import dev.berth.app.settings.SettingsView;
import dev.berth.app.volumes.VolumesView;
import dev.berth.app.widgets.ColumnLayout;
import dev.berth.app.widgets.Page;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: sidebar, engine banner, the current page and the status bar. Built anew when the
 * language changes; the ViewModels in {@link AppContext} survive that.
 */
final class MainWindow extends BorderPane {
    private final AppContext ctx;
    private final Map<PageId, Page> pages = new EnumMap<>(PageId.class);
    private final StackPane content = new StackPane();
    private final Sidebar sidebar;
    private PageId current;
    private Page visible;
    private final dev.berth.app.details.ContainerDetailsPages details;

    MainWindow(AppContext ctx, LocalEngineController localEngine, Consumer<String> openUrl) {
        this(ctx, localEngine, null, openUrl);
    }

    /** @param engineChoice Settings' native-or-VM choice; null leaves it out (tests of other parts). */
    MainWindow(AppContext ctx, LocalEngineController localEngine,
            dev.berth.app.localengine.EngineChoiceViewModel engineChoice,
            Consumer<String> openUrl) {
        this.ctx = ctx;
        getStyleClass().add("main-window");
        ContainersView containersView = new ContainersView(ctx.containers(), openUrl, ctx::newRun);
        pages.put(PageId.CONTAINERS, containersView);
        details = new dev.berth.app.details.ContainerDetailsPages(ctx.shell()::engine, dev.berth.app.support.Async.fx(),
                () -> ctx.shell().currentProperty().get() == null ? "" : ctx.shell().currentProperty().get().uri(),
                withXRay(dev.berth.app.details.StandardTabs.all()));
        containersView.setOnOpenDetails(c -> details.open(c, this::showDetails, () -> show(PageId.CONTAINERS)));
        // Another engine, or this window replaced (a language switch): the open pages' sessions end with it.
        ctx.shell().currentProperty().addListener((o, a, b) -> details.closeAll());
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                details.closeAll();
            }
        });
        pages.put(PageId.IMAGES, new ImagesView(ctx.images(), ctx::newPull, ctx::newRun,
                (owner, imageId) -> dev.berth.app.layers.LayersView.openWindow(owner, ctx.newLayers(), imageId),
                ctx::newPush)
                .withBuilds(ctx::newBuild));
        VolumesView volumesView = new VolumesView(ctx.volumes());
        volumesView.setOnBrowse(name -> dev.berth.app.files.VolumeBrowserWindow.open(this, ctx.shell()::engine,
                dev.berth.app.support.Async.fx(), name));
        pages.put(PageId.VOLUMES, volumesView);
        pages.put(PageId.NETWORKS, new NetworksView(ctx.networks()));
        pages.put(PageId.SWARM, new dev.berth.app.swarm.SwarmView(ctx.swarm(), ctx::newServiceLogs));
        pages.put(PageId.DASHBOARD, new dev.berth.app.dashboard.DashboardView(ctx.dashboard()));
        pages.put(PageId.SETTINGS, new SettingsView(ctx.settingsViewModel(), ctx.signIn(),
                new EnginePanel(ctx.shell(), localEngine, engineChoice)));
        sidebar = new Sidebar(ctx.shell(), this::show);
        VBox center = new VBox(new EngineBanner(ctx.shell()), content);
        center.getStyleClass().add("center");
        VBox.setVgrow(content, Priority.ALWAYS);
        ToastLayer toasts = new ToastLayer(ctx.notifications());
        StackPane.setAlignment(toasts, javafx.geometry.Pos.BOTTOM_RIGHT);
        setLeft(sidebar);
        setCenter(new StackPane(center, toasts));
        setBottom(new StatusBar(ctx.shell()));
        restoreColumns();
    }

    /** The pages' tables (by page and position) with the column layout the person left them in. */
    private void restoreColumns() {
        pages.forEach((id, page) -> {
            List<javafx.collections.ObservableList<? extends javafx.scene.control.TableColumnBase<?, ?>>> tables = columnsOf(
                    page);
            for (int i = 0; i < tables.size(); i++) {
                restore(tables.get(i), ctx.settings().columnLayout(id.name().toLowerCase() + "." + i));
            }
        });
    }

    private static <C extends javafx.scene.control.TableColumnBase<?, ?>> void restore(
            javafx.collections.ObservableList<C> columns, String saved) {
        ColumnLayout.tag(columns);
        ColumnLayout.restore(columns, saved);
    }

    /** Saves every page table's column order and widths (window closing, or rebuilt for another language). */
    void rememberColumns() {
        pages.forEach((id, page) -> {
            var tables = columnsOf(page);
            for (int i = 0; i < tables.size(); i++) {
                ctx.settings().setColumnLayout(id.name().toLowerCase() + "." + i, ColumnLayout.capture(tables.get(i)));
            }
        });
    }

    private static List<javafx.collections.ObservableList<? extends javafx.scene.control.TableColumnBase<?, ?>>> columnsOf(
            Page page) {
        List<javafx.collections.ObservableList<? extends javafx.scene.control.TableColumnBase<?, ?>>> out = new java.util.ArrayList<>();
        // lookupAll takes one selector, not a group: tables first, then tree tables (a page has one or the other).
        for (javafx.scene.Node n : page.root().lookupAll(".table-view")) {
            if (n instanceof javafx.scene.control.TableView<?> t) {
                out.add(t.getColumns());
            }
        }
        for (javafx.scene.Node n : page.root().lookupAll(".tree-table-view")) {
            if (n instanceof javafx.scene.control.TreeTableView<?> t) {
                out.add(t.getColumns());
            }
        }
        return out;
    }

    void show(PageId id) {
        current = id;
        sidebar.select(id);
        Page page = pages.get(id);
        visible = page;
        content.getChildren().setAll(page.root());
        page.root().setId("page-" + id.name().toLowerCase());
    }

    /** The container page's tabs: the standard ones, then the X-ray. */
    private static java.util.List<dev.berth.app.details.DetailTabProvider> withXRay(
            java.util.List<dev.berth.app.details.DetailTabProvider> standard) {
        var all = new java.util.ArrayList<>(standard);
        all.add(dev.berth.app.details.XRayTab.provider());
        return all;
    }

    /** Shows a container's page (Terminal, Logs, Stats, Files, Inspect) in place of the list. */
    void showDetails(dev.berth.app.details.ContainerDetailsPage page) {
        visible = page;
        content.getChildren().setAll(page.root());
        page.root().setId("page-details");
    }

    dev.berth.app.details.ContainerDetailsPages details() {
        return details;
    }

    PageId current() {
        return current;
    }

    /** Ctrl+F search, F5 refresh (or reconnect), Delete remove — the last one not while typing in a field. */
    void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> visible.focusSearch());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (ctx.shell().stateProperty().get() == EngineState.CONNECTED) {
                visible.refresh();
            } else {
                ctx.shell().reconnect();
            }
        });
        for (int i = 0; i < 4; i++) {
            PageId id = PageId.values()[i];
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> show(id));
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE && !(scene.getFocusOwner() instanceof TextInputControl)) {
                visible.deleteSelected();
                e.consume();
            }
        });
    }
}
