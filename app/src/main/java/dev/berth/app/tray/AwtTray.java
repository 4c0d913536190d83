package dev.berth.app.tray;

import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.support.BerthMark;
import dev.berth.app.support.I18n;
import java.awt.AWTException;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;

/**
 * The {@link TrayController} in the desktop's tray: an icon colored by the engine's state (green running, amber
 * starting, grey stopped, red failed) and a menu. AWT calls come in on its event thread; commands go to the
 * controller, which hands window work to the FX thread.
 */
public final class AwtTray implements AutoCloseable {
    private final TrayIcon icon;
    private final MenuItem state = new MenuItem();
    private final MenuItem start = new MenuItem();
    private final MenuItem stop = new MenuItem();
    private final MenuItem restart = new MenuItem();

    private AwtTray(TrayController controller) throws AWTException {
        PopupMenu popup = new PopupMenu();
        state.setEnabled(false);
        MenuItem open = item(I18n.t("tray.open"), controller::openWindow);
        start.setLabel(I18n.t("tray.start"));
        start.addActionListener(e -> controller.startEngine());
        stop.setLabel(I18n.t("tray.stop"));
        stop.addActionListener(e -> controller.stopEngine());
        restart.setLabel(I18n.t("tray.restart"));
        restart.addActionListener(e -> controller.restartEngine());
        MenuItem quit = item(I18n.t("tray.quit"), controller::quit);
        popup.add(state);
        popup.addSeparator();
        popup.add(open);
        popup.addSeparator();
        popup.add(start);
        popup.add(stop);
        popup.add(restart);
        popup.addSeparator();
        popup.add(quit);
        icon = new TrayIcon(image(controller.menu().state()), I18n.t("app.name"), popup);
        icon.setImageAutoSize(true);
        // A click on the icon itself opens the window, as on other desktop apps.
        icon.addActionListener(e -> controller.openWindow());
        apply(controller.menu());
        controller.addListener(m -> EventQueue.invokeLater(() -> apply(m)));
        SystemTray.getSystemTray().add(icon);
    }

    /** Puts the icon into the tray, or returns empty when the desktop has none ({@link TraySupport#missingReason()}). */
    public static java.util.Optional<AwtTray> install(TrayController controller) {
        if (!TraySupport.available()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new AwtTray(controller));
        } catch (AWTException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Shows a desktop notification from the tray (used while the window is hidden). */
    public void notify(String title, String detail, boolean error) {
        EventQueue.invokeLater(() -> icon.displayMessage(title, detail,
                error ? TrayIcon.MessageType.ERROR : TrayIcon.MessageType.INFO));
    }

    private void apply(TrayController.Menu m) {
        state.setLabel(m.stateLine());
        start.setEnabled(m.canStart());
        stop.setEnabled(m.canStop());
        restart.setEnabled(m.canRestart());
        icon.setToolTip(m.tooltip());
        icon.setImage(image(m.state()));
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem i = new MenuItem(label);
        i.addActionListener(e -> action.run());
        return i;
    }

    /** The Berth mark on a dot in the state's color. */
    static BufferedImage image(LocalEngineController.State s) {
        return BerthMark.draw(32, switch (s) {
            case RUNNING -> new Color(0x2DA44E);
            case STARTING -> new Color(0xD4A72C);
            case STOPPED -> new Color(0x8C959F);
            case ERROR -> new Color(0xCF222E);
        });
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}
