package dev.berth.app.shell;

/**
 * The {@code main} that {@code bin/berth} runs. It is not the {@link javafx.application.Application} itself because
 * the java launcher refuses to start an Application subclass whose JavaFX classes come from the class path.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        BerthApp.main(args);
    }
}
