package dev.berth.app.it;

import dev.berth.app.localengine.EngineProbe;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.support.I18n;
import dev.berth.app.tray.AwtTray;
import dev.berth.app.tray.TrayController;
import dev.berth.app.tray.TraySupport;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ActionEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The app's AWT tray in a JVM of its own with a real display (the test JVMs run AWT headless): {@link AwtTrayIT}
 * starts it under Xvfb with a tray host. It installs the tray over a real berthd's controller, then clicks the
 * icon's menu items as a person would and prints what it sees, one {@code key=value} per line.
 * Arguments: the engine's socket, its log file, then the command that runs berthd.
 */
public final class TrayProbe {
    private TrayProbe() {}

    public static void main(String[] args) throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        Path socket = Path.of(args[0]);
        List<String> command = Arrays.asList(args).subList(2, args.length);
        var engine = new LocalEngineController(command, Path.of(args[1]), EngineProbe.unixSocket(socket),
                Duration.ofSeconds(90));
        CountDownLatch quit = new CountDownLatch(1);
        var controller = new TrayController(engine, task -> Thread.ofVirtual().start(task), () -> {}, quit::countDown);
        System.out.println("missing=" + TraySupport.missingReason());
        AwtTray tray = AwtTray.install(controller).orElseThrow(() -> new IllegalStateException("no tray"));
        controller.refresh();
        TrayIcon icon = awaitIcon();
        System.out.println("icons=" + SystemTray.getSystemTray().getTrayIcons().length);
        System.out.println("tooltip.before=" + tooltip(icon, "stopped"));

        click(icon, I18n.t("tray.start"));
        System.out.println("tooltip.started=" + tooltip(icon, "running"));
        System.out.println("answers.started=" + EngineProbe.unixSocket(socket).answers());

        click(icon, I18n.t("tray.stop"));
        System.out.println("tooltip.stopped=" + tooltip(icon, "stopped"));
        System.out.println("answers.stopped=" + EngineProbe.unixSocket(socket).answers());

        click(icon, I18n.t("tray.quit"));
        System.out.println("quit=" + quit.await(10, TimeUnit.SECONDS));
        tray.close();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (SystemTray.getSystemTray().getTrayIcons().length > 0 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        System.out.println("icons.after=" + SystemTray.getSystemTray().getTrayIcons().length);
        System.out.flush();
        System.exit(0);
    }

    private static TrayIcon awaitIcon() throws InterruptedException {
        for (int i = 0; i < 100 && SystemTray.getSystemTray().getTrayIcons().length == 0; i++) {
            Thread.sleep(100);
        }
        return SystemTray.getSystemTray().getTrayIcons()[0];
    }

    /** A menu item chosen as a click on it does: an action event from the item itself. */
    private static void click(TrayIcon icon, String label) throws Exception {
        PopupMenu menu = icon.getPopupMenu();
        for (int i = 0; i < menu.getItemCount(); i++) {
            MenuItem item = menu.getItem(i);
            if (label.equals(item.getLabel())) {
                if (!item.isEnabled()) {
                    throw new IllegalStateException(label + " is disabled");
                }
                java.awt.EventQueue.invokeAndWait(() -> Arrays.stream(item.getActionListeners())
                        .forEach(l -> l.actionPerformed(new ActionEvent(item, ActionEvent.ACTION_PERFORMED, label))));
                return;
            }
        }
        throw new IllegalStateException("no menu item " + label);
    }

    /** The icon's tooltip once it mentions {@code word} (the state changes in the background), or as it is. */
    private static String tooltip(TrayIcon icon, String word) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            String t = icon.getToolTip();
            if (t != null && t.toLowerCase(Locale.ROOT).contains(word)) {
                return t;
            }
            Thread.sleep(100);
        }
        return icon.getToolTip();
    }
}
