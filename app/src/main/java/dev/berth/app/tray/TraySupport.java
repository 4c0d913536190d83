package dev.berth.app.tray;

import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;

/**
 * Whether this desktop has a tray, asked of AWT rather than guessed from the desktop's name: on X11 it is true only
 * while a tray host (a panel, or GNOME's AppIndicator extension) owns the system tray selection.
 */
public final class TraySupport {
    private TraySupport() {}

    /**
     * Why there is no tray, as a code the UI translates ({@code tray.reason.<code>}): "headless", "no-host" (no tray
     * host owns the tray), "error" (the toolkit failed to answer); empty when there is a tray.
     */
    public static String missingReason() {
        if (GraphicsEnvironment.isHeadless()) {
            return "headless";
        }
        try {
            return SystemTray.isSupported() ? "" : "no-host";
        } catch (RuntimeException | Error e) {
            // Some toolkits throw instead of answering false (no display, missing libraries).
            return "error";
        }
    }

    public static boolean available() {
        return missingReason().isEmpty();
    }
}
