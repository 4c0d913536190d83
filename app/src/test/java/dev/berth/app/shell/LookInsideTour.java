package dev.berth.app.shell;

import dev.berth.app.layers.LayersView;
import dev.berth.app.settings.AppSettings;
import dev.berth.app.settings.LanguageChoice;
import dev.berth.app.settings.ThemeChoice;
import dev.berth.app.xray.XRayView;
import dev.berth.app.xray.XRayViewModel;
import dev.berth.testkit.BerthdExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Not a test: a tool that fills a fresh berthd with images that share layers and a few containers, opens the app on
 * it, and writes PNGs of the Dashboard, the X-ray of a container and the image layers view, in light and dark,
 * English and Korean, to {@code -Dberth.shots} (default target/screenshots). Needs root and a display (xvfb-run);
 * run it under the engine lock.
 */
public final class LookInsideTour extends BerthApp {
    private static final Preferences PREFS = Preferences.userRoot().node("dev/berth/tour/" + UUID.randomUUID());

    @Override
    protected AppSettings settings() {
        return new AppSettings(PREFS);
    }

    @Override
    public void start(Stage stage) {
        super.start(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(860);
        Path dir = Path.of(System.getProperty("berth.shots", "target/screenshots"));
        Thread.ofPlatform().daemon().start(() -> tour(stage, dir));
    }

    private void tour(Stage stage, Path dir) {
        try {
            Files.createDirectories(dir);
            Thread.sleep(4000);
            for (LanguageChoice lang : new LanguageChoice[]{LanguageChoice.ENGLISH, LanguageChoice.KOREAN}) {
                for (ThemeChoice theme : new ThemeChoice[]{ThemeChoice.LIGHT, ThemeChoice.DARK}) {
                    ScreenshotTour.fx(() -> {
                        context().settingsViewModel().languageProperty().set(lang);
                        context().settingsViewModel().themeProperty().set(theme);
                    });
                    String suffix = "-" + theme.name().toLowerCase() + "-"
                            + (lang == LanguageChoice.KOREAN ? "ko" : "en") + ".png";
                    ScreenshotTour.fx(() -> window().show(PageId.DASHBOARD));
                    ScreenshotTour.fx(() -> context().dashboard().refresh());
                    Thread.sleep(5000);
                    ScreenshotTour.snapshot(stage.getScene(), dir.resolve("dashboard" + suffix));
                    xray(stage, dir.resolve("xray" + suffix));
                    layers(stage, dir.resolve("layers" + suffix));
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }

    private void xray(Stage main, Path file) throws Exception {
        Stage[] window = new Stage[1];
        ScreenshotTour.fx(() -> {
            XRayViewModel vm = context().newXRay();
            XRayView view = new XRayView(vm);
            Scene scene = new Scene(new javafx.scene.layout.StackPane(view.root()), 1100, 1840);
            scene.getStylesheets().addAll(main.getScene().getStylesheets());
            window[0] = new Stage();
            window[0].setScene(scene);
            window[0].show();
            vm.load(System.getProperty("berth.tour.container", "web"));
        });
        Thread.sleep(3000);
        ScreenshotTour.snapshot(window[0].getScene(), file);
        ScreenshotTour.fx(() -> window[0].close());
    }

    private void layers(Stage main, Path file) throws Exception {
        Stage[] window = new Stage[1];
        ScreenshotTour.fx(() -> {
            window[0] = LayersView.openWindow(main.getScene().getRoot(), context().newLayers(),
                    System.getProperty("berth.tour.image"));
            window[0].setHeight(900);
        });
        Thread.sleep(3000);
        ScreenshotTour.snapshot(window[0].getScene(), file);
        ScreenshotTour.fx(() -> window[0].close());
    }

    /** Sets up the engine, runs the tour, tears everything down. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            try (BerthdExtension berthd = BerthdExtension.fromCheckout().withImage("demo/busybox:1.36").startNow()) {
                String base = berthd.image();
                berthd.dockerOk("pull", base);
                berthd.dockerOk("tag", base, "busybox:1.36");
                // app:1 and app:2 share busybox's layers and app:1's own; tools:1 shares only busybox's.
                berthd.dockerOk("run", "--name", "b1", "busybox:1.36", "sh", "-c",
                        "mkdir -p /app && echo '<h1>shop</h1>' > /app/index.html");
                berthd.dockerOk("commit", "--change", "CMD [\"httpd\", \"-f\", \"-h\", \"/app\"]", "b1", "shop/web:1");
                berthd.dockerOk("run", "--name", "b2", "shop/web:1", "sh", "-c",
                        "head -c 800000 /dev/urandom > /app/bundle.js");
                berthd.dockerOk("commit", "b2", "shop/web:2");
                berthd.dockerOk("run", "--name", "b3", "busybox:1.36", "sh", "-c",
                        "head -c 2500000 /dev/urandom > /opt/tool.bin");
                berthd.dockerOk("commit", "b3", "tools/cli:1");
                berthd.dockerOk("rm", "b1", "b2", "b3");
                berthd.dockerOk("volume", "create", "shop-uploads");
                berthd.dockerOk("volume", "create", "old-cache");
                berthd.dockerOk("run", "-d", "--name", "web", "--memory", "64m", "--cpus", "0.5", "--pids-limit", "100",
                        "-v", "shop-uploads:/uploads", "shop/web:2", "sh", "-c",
                        "echo hi > /uploads/a.txt; echo ready > /tmp/started; rm /app/index.html; sleep 3600 & sleep 3601; echo");
                berthd.dockerOk("run", "-d", "--name", "worker", "--cpus", "0.2", "tools/cli:1", "sh", "-c",
                        "while :; do :; done");
                berthd.dockerOk("run", "-d", "--name", "cache", "busybox:1.36", "sleep", "3600");
                berthd.dockerOk("run", "--name", "migrate-once", "busybox:1.36", "sh", "-c",
                        "head -c 300000 /dev/zero > /tmp/out");
                String image = berthd.dockerOk("image", "inspect", "--format", "{{.Id}}", "shop/web:2").stdout()
                        .strip();
                System.setProperty("berth.tour.image", image);
                System.setProperty("berth.tour.container", "web");
                Application.launch(LookInsideTour.class, "--connect", berthd.dockerHost());
            } finally {
                PREFS.removeNode();
            }
        }
    }
}
