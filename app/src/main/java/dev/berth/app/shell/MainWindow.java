package dev.berth.app.shell;

import dev.berth.app.containers.ContainersView;
import dev.berth.app.engine.LocalEngineController;
import dev.berth.app.images.ImagesView;
import dev.berth.app.networks.NetworksView;
import dev.berth.app.settings.SettingsView;
import dev.berth.app.volumes.VolumesView;
import dev.berth.app.widgets.Page;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;

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

    MainWindow(AppContext ctx, LocalEngineController localEngine, Consumer<String> openUrl) {
        this.ctx = ctx;
        getStyleClass().add("main-window");
        pages.put(PageId.CONTAINERS, new ContainersView(ctx.containers(), openUrl, ctx::newRun));
        pages.put(PageId.IMAGES, new ImagesView(ctx.images(), ctx::newPull, ctx::newRun, ctx::newLayers));
        pages.put(PageId.VOLUMES, new VolumesView(ctx.volumes()));
        pages.put(PageId.NETWORKS, new NetworksView(ctx.networks()));
        pages.put(PageId.DASHBOARD, new dev.berth.app.dashboard.DashboardView(ctx.dashboard()));
        pages.put(PageId.SETTINGS, new SettingsView(ctx.settingsViewModel(), ctx.signIn(),
                new EnginePanel(ctx.shell(), localEngine)));
        sidebar = new Sidebar(ctx.shell(), this::show);
        VBox center = new VBox(new EngineBanner(ctx.shell()), content);
        center.getStyleClass().add("center");
        VBox.setVgrow(content, Priority.ALWAYS);
        ToastLayer toasts = new ToastLayer(ctx.notifications());
        StackPane.setAlignment(toasts, javafx.geometry.Pos.BOTTOM_RIGHT);
        setLeft(sidebar);
        setCenter(new StackPane(center, toasts));
        setBottom(new StatusBar(ctx.shell()));
    }

    void show(PageId id) {
        current = id;
        sidebar.select(id);
        Page page = pages.get(id);
        content.getChildren().setAll(page.root());
        page.root().setId("page-" + id.name().toLowerCase());
    }

    PageId current() {
        return current;
    }

    /** Ctrl+F search, F5 refresh (or reconnect), Delete remove — the last one not while typing in a field. */
    void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> pages.get(current).focusSearch());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (ctx.shell().stateProperty().get() == EngineState.CONNECTED) {
                pages.get(current).refresh();
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
                pages.get(current).deleteSelected();
                e.consume();
            }
        });
    }
}
