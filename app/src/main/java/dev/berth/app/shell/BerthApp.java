package dev.berth.app.shell;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.localengine.EngineChoiceViewModel;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.localengine.LocalEngines;
import dev.berth.app.settings.AppSettings;
import dev.berth.app.settings.WindowBounds;
import dev.berth.app.support.Async;
import dev.berth.app.support.BerthMark;
import dev.berth.app.support.I18n;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The Berth desktop app's entry point: builds the {@link AppContext}, opens the main window where it was last left,
 * and applies theme and language changes live. Options: {@code --connect URI} picks an engine for this run;
 * {@code --first-frame} opens the window, prints the time from process start to its first frame and quits (what the
 * packaging's AOT training run and the installer test use to see the app come up).
 */
public class BerthApp extends Application {
    private AppContext ctx;
    private LocalEngineController localEngine;
    private LocalEngines engines;
    private EngineChoiceViewModel engineChoice;
    private ThemeManager theme;
    private MainWindow window;
    private Scene scene;
    private dev.berth.app.tray.AwtTray tray;
    private final Locale systemLocale = Locale.getDefault();

    @Override
    public void start(Stage stage) {
        AppSettings settings = settings();
        I18n.setLocale(settings.language().locale(systemLocale));
        theme = new ThemeManager();
        theme.apply(settings.theme());
        engines = new LocalEngines(Path.of(System.getProperty("berth.home", ".")),
                Path.of(System.getProperty("user.home"), ".local", "state", "berth", "berthd.log"), System.getenv());
        LocalEngines.Kind kind = LocalEngines.Kind.parse(settings.engineKind(), System.getProperty("os.name"));
        localEngine = engines.controller(kind);
        Thread.ofVirtual().name("berth-docker-context").start(() -> {
            try {
                engines.offerDockerContext(kind);
            } catch (java.io.IOException | RuntimeException e) {
                // Only a convenience for the CLI: the app itself does not need the context.
                System.getLogger("berth").log(System.Logger.Level.DEBUG, "docker context not written", e);
            }
        });
        ctx = new AppContext(settings, Async.fx(), DockerJavaEngine::of, localEngine, System.getenv(),
                Path.of(System.getProperty("user.home")), Duration.ofMillis(250));
        ctx.setBerthUri(engines.uri(kind));
        engineChoice = new EngineChoiceViewModel(engines, localEngine, Async.fx(), kind, k -> {
            settings.setEngineKind(k.name());
            ctx.useLocalEngine(engines.uri(k));
        });
        ctx.settingsViewModel().themeProperty().addListener((o, a, b) -> theme.apply(b));
        ctx.settingsViewModel().languageProperty().addListener((o, a, b) -> {
            I18n.setLocale(b.locale(systemLocale));
            rebuild(stage);
        });

        window = new MainWindow(ctx, localEngine, engineChoice, url -> getHostServices().showDocument(url));
        scene = new Scene(window);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/dev/berth/app/berth.css"))
                .toExternalForm());
        window.installShortcuts(scene);
        window.show(PageId.CONTAINERS);
        stage.setScene(scene);
        stage.setTitle(I18n.t("app.name"));
        for (int size : new int[]{16, 32, 48, 64, 128}) {
            stage.getIcons().add(fxImage(BerthMark.draw(size, BerthMark.BRAND)));
        }
        place(stage, settings.windowBounds());
        installTray(stage);
        stage.setOnCloseRequest(e -> {
            remember(stage, settings);
            if (ctx.settingsViewModel().keepsRunningWhenClosed()) {
                // The tray icon stays; the window comes back from its menu. The engine connection stays open so
                // notifications keep coming.
                e.consume();
                stage.hide();
            } else {
                quit(stage);
            }
        });
        // Connecting first: the client is made and asked in the background while the window lays out and paints.
        ctx.start(connectArgument());
        if (getParameters().getRaw().contains("--first-frame")) {
            FirstFrame.reportThenQuit(scene, () -> {
                ctx.shell().shutdown();
                javafx.application.Platform.exit();
            });
            stage.show();
            return;
        }
        if (!(settings.startMinimized() && tray != null)) {
            stage.show();
        }
        if (settings.startEngineWithApp()) {
            ctx.shell().startLocalEngine();
        }
    }

    /**
     * Puts the icon in the desktop's tray where there is one; where there is none the window keeps every action and
     * closing it quits (Settings says why). While the window is hidden, notifications go to the desktop.
     */
    private void installTray(Stage stage) {
        String missing = dev.berth.app.tray.TraySupport.missingReason();
        ctx.settingsViewModel().setTrayMissing(missing);
        if (!missing.isEmpty()) {
            return;
        }
        var controller = new dev.berth.app.tray.TrayController(localEngine,
                task -> Thread.ofVirtual().name("berth-tray").start(task),
                () -> javafx.application.Platform.runLater(() -> {
                    stage.show();
                    stage.setIconified(false);
                    stage.toFront();
                }),
                () -> javafx.application.Platform.runLater(() -> quit(stage)));
        tray = dev.berth.app.tray.AwtTray.install(controller).orElse(null);
        if (tray == null) {
            ctx.settingsViewModel().setTrayMissing("refused");
            return;
        }
        javafx.application.Platform.setImplicitExit(false);
        controller.refresh();
        ctx.notifications().addDesktopListener(n -> {
            if (!stage.isShowing()) {
                tray.notify(n.title(), n.detail(), n.level() == Notice.Level.ERROR);
            }
        });
    }

    private void quit(Stage stage) {
        if (stage.isShowing()) {
            remember(stage, ctx.settings());
        }
        ctx.shell().shutdown();
        if (tray != null) {
            tray.close();
        }
        stage.hide();
        javafx.application.Platform.exit();
    }

    @Override
    public void stop() {
        if (tray != null) {
            // AWT's event thread, started for the tray, would keep the JVM alive after JavaFX has exited.
            Thread.ofPlatform().daemon().start(() -> System.exit(0));
        }
    }

    /** The ViewModels, once started (for tools that drive the window, like the screenshot tour). */
    AppContext context() {
        return ctx;
    }

    MainWindow window() {
        return window;
    }

    /** Preferences of this user; tests override to use a throw-away node. */
    protected AppSettings settings() {
        return AppSettings.forUser();
    }

    private void rebuild(Stage stage) {
        PageId page = window.current();
        window.rememberColumns();
        window = new MainWindow(ctx, localEngine, engineChoice, url -> getHostServices().showDocument(url));
        scene.setRoot(window);
        scene.getAccelerators().clear();
        window.installShortcuts(scene);
        window.show(page);
        stage.setTitle(I18n.t("app.name"));
    }

    private String connectArgument() {
        List<String> args = getParameters().getRaw();
        int i = args.indexOf("--connect");
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : System.getProperty("berth.connect", "");
    }

    /** AWT's pixels as a JavaFX image, without the javafx.swing module. */
    private static Image fxImage(java.awt.image.BufferedImage awt) {
        var fx = new javafx.scene.image.WritableImage(awt.getWidth(), awt.getHeight());
        for (int y = 0; y < awt.getHeight(); y++) {
            for (int x = 0; x < awt.getWidth(); x++) {
                fx.getPixelWriter().setArgb(x, y, awt.getRGB(x, y));
            }
        }
        return fx;
    }

    private static void place(Stage stage, WindowBounds b) {
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        // Only restore a position that is still on some screen (a monitor may have been unplugged).
        if (b.hasPosition() && !Screen.getScreensForRectangle(b.x(), b.y(), 100, 100).isEmpty()) {
            stage.setX(b.x());
            stage.setY(b.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(b.maximized());
    }

    private void remember(Stage stage, AppSettings settings) {
        window.rememberColumns();
        if (stage.isMaximized()) {
            WindowBounds old = settings.windowBounds();
            settings.setWindowBounds(new WindowBounds(old.x(), old.y(), old.width(), old.height(), true));
        } else {
            settings.setWindowBounds(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    false));
        }
    }

    public static void main(String[] args) {
        launch(BerthApp.class, args);
    }
}
