package dev.berth.app.shell;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * {@code berth --first-frame}: says how long the window took to appear, counted from the start of the process (the
 * user's click, as near as the app can tell), then quits. A packaged app is trained for its AOT cache this way, and
 * the installer test and the start benchmark read the line it prints.
 */
final class FirstFrame {
    private FirstFrame() {}

    static void reportThenQuit(Scene scene, Runnable quit) {
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        boolean[] seen = {false};
        scene.addPostLayoutPulseListener(() -> {
            // The first pulse after the window was shown lays out and then paints the first frame.
            if (!seen[0] && scene.getWindow() != null && scene.getWindow().isShowing()) {
                seen[0] = true;
                long ms = Duration.between(processStart, Instant.now()).toMillis();
                System.out.println("berth: first frame after " + ms + " ms");
                System.out.flush();
                Platform.runLater(quit);
            }
        });
    }
}
