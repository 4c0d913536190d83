package dev.berth.app.shell;

import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.settings.ThemeChoice;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Opens the real main window on a stage for tests in other packages (MainWindow itself is package-private). */
public final class TestWindows {
    private TestWindows() {}

    public static void show(Stage stage, AppContext ctx, LocalEngineController local) {
        show(stage, ctx, local, null);
    }

    /** As {@link #show(Stage, AppContext, LocalEngineController)}, with Settings' native-or-VM choice. */
    public static void show(Stage stage, AppContext ctx, LocalEngineController local,
            dev.berth.app.localengine.EngineChoiceViewModel choice) {
        MainWindow window = new MainWindow(ctx, local, choice, url -> {});
        new ThemeManager().apply(ThemeChoice.LIGHT);
        Scene scene = new Scene(window, 1200, 760);
        scene.getStylesheets().add(TestWindows.class.getResource("/dev/berth/app/berth.css").toExternalForm());
        window.installShortcuts(scene);
        window.show(PageId.CONTAINERS);
        stage.setScene(scene);
        stage.show();
    }
}
