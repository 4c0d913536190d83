package dev.berth.app.tray;

import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.support.I18n;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the tray menu shows and does, without AWT: the local engine's state as a line and a tooltip, which of
 * Start / Stop / Restart make sense now, and the commands. Engine work runs on {@code background} (stopping
 * waits for berthd to exit); window work is handed to the callbacks, which the app runs on the FX thread.
 */
public final class TrayController {
    /** The menu as it should look now. */
    public record Menu(LocalEngineController.State state, String stateLine, String tooltip, boolean canStart,
            boolean canStop, boolean canRestart) {}

    private final LocalEngineController engine;
    private final Executor background;
    private final Runnable openWindow;
    private final Runnable quit;
    private final List<Consumer<Menu>> listeners = new CopyOnWriteArrayList<>();
    private volatile Menu menu;

    /**
     * @param openWindow shows and focuses the main window
     * @param quit       ends the app (after the window saved its place)
     */
    public TrayController(LocalEngineController engine, Executor background, Runnable openWindow, Runnable quit) {
        this.engine = engine;
        this.background = background;
        this.openWindow = openWindow;
        this.quit = quit;
        this.menu = menuFor(engine.status());
        engine.addListener(s -> {
            menu = menuFor(s);
            listeners.forEach(l -> l.accept(menu));
        });
    }

    public Menu menu() {
        return menu;
    }

    /** Called with the new menu whenever the engine's state changes (on the thread that changed it). */
    public void addListener(Consumer<Menu> listener) {
        listeners.add(listener);
    }

    public void openWindow() {
        openWindow.run();
    }

    public void startEngine() {
        if (menu.canStart()) {
            background.execute(engine::start);
        }
    }

    public void stopEngine() {
        if (menu.canStop()) {
            background.execute(engine::stop);
        }
    }

    public void restartEngine() {
        if (menu.canRestart()) {
            background.execute(() -> {
                engine.stop();
                engine.start();
            });
        }
    }

    /** Asks the engine's socket how it stands (the menu follows). */
    public void refresh() {
        background.execute(engine::refresh);
    }

    public void quit() {
        quit.run();
    }

    static Menu menuFor(LocalEngineController.Status s) {
        LocalEngineController.State st = s.state();
        String word = I18n.t("engine.state." + st.name().toLowerCase());
        String line = I18n.t("tray.engineState", word);
        String tooltip = st == LocalEngineController.State.ERROR && !s.message().isBlank()
                ? I18n.t("tray.tooltip", word) + " — " + s.message() : I18n.t("tray.tooltip", word);
        boolean canStart = st == LocalEngineController.State.STOPPED || st == LocalEngineController.State.ERROR;
        boolean canStop = st == LocalEngineController.State.RUNNING;
        return new Menu(st, line, tooltip, canStart, canStop, canStop);
    }
}
