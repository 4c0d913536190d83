package dev.berth.app.shell;

import dev.berth.app.settings.AppSettings;
import dev.berth.app.settings.LanguageChoice;
import dev.berth.app.settings.ThemeChoice;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Not a test: a tool that opens the real app against an engine ({@code --connect URI}), visits every page in light
 * and dark, English and Korean, and writes a PNG of each to the directory in {@code -Dberth.shots}. Run it under a
 * display (e.g. xvfb-run) to see what users see.
 */
public final class ScreenshotTour extends BerthApp {
    /** One throw-away preferences node per run, removed after the window is gone. */
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
        stage.setHeight(780);
        Path dir = Path.of(System.getProperty("berth.shots", "target/screenshots"));
        Thread.ofPlatform().daemon().start(() -> tour(stage, dir));
    }

    private void tour(Stage stage, Path dir) {
        try {
            Files.createDirectories(dir);
            Thread.sleep(4000);
            if (!Boolean.getBoolean("berth.tour.extrasOnly")) {
                pages(stage, dir);
            }
            extras(stage, dir);
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }

    /** Every page in light and dark, English and Korean. */
    private void pages(Stage stage, Path dir) throws Exception {
        pages(this, stage, dir);
    }

    /** Every page of {@code app}'s window in light and dark, English and Korean, as {@code <page>-<theme>-<lang>.png}. */
    static void pages(BerthApp app, Stage stage, Path dir) throws Exception {
        for (LanguageChoice lang : new LanguageChoice[]{LanguageChoice.ENGLISH, LanguageChoice.KOREAN}) {
            for (ThemeChoice theme : new ThemeChoice[]{ThemeChoice.LIGHT, ThemeChoice.DARK}) {
                fx(() -> {
                    app.context().settingsViewModel().languageProperty().set(lang);
                    app.context().settingsViewModel().themeProperty().set(theme);
                });
                for (PageId page : PageId.values()) {
                    fx(() -> app.window().show(page));
                    Thread.sleep(1500);
                    String name = page.name().toLowerCase() + "-" + theme.name().toLowerCase() + "-"
                            + (lang == LanguageChoice.KOREAN ? "ko" : "en") + ".png";
                    snapshot(stage.getScene(), dir.resolve(name));
                }
            }
        }
    }

    /** A container's details, the pull dialog, an engine error in plain words, the banner for a Berth engine that is down. */
    private void extras(Stage stage, Path dir) throws Exception {
        Scene[] details = new Scene[1];
        fx(() -> {
            context().settingsViewModel().languageProperty().set(LanguageChoice.ENGLISH);
            context().settingsViewModel().themeProperty().set(ThemeChoice.LIGHT);
            window().show(PageId.IMAGES);
        });
        fx(() -> window().show(PageId.CONTAINERS));
        Thread.sleep(1000);
        fx(() -> stage.getScene().getRoot().lookupAll(".tree-table-row-cell").stream()
                .map(n -> (javafx.scene.control.TreeTableRow<?>) n)
                .filter(r -> r.getItem() != null && r.getItem().toString().startsWith("Container[")
                        && r.getItem().toString().contains("name=shop-db-1"))
                .findFirst().ifPresent(r -> r.fireEvent(new javafx.scene.input.MouseEvent(
                        javafx.scene.input.MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5, javafx.scene.input.MouseButton.PRIMARY,
                        2, false, false, false, false, true, false, false, true, false, false, null))));
        Thread.sleep(1500);
        fx(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w != stage) {
                    details[0] = w.getScene();
                }
            }
        });
        if (details[0] != null) {
            snapshot(details[0], dir.resolve("container-details-light-en.png"));
            fx(() -> ((Stage) details[0].getWindow()).close());
        }
        fx(() -> window().show(PageId.IMAGES));
        Thread.sleep(1000);
        fx(() -> ((javafx.scene.control.Button) stage.getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof javafx.scene.control.Button b && b.getText().equals("Pull…"))
                .findFirst().orElseThrow()).fire());
        Thread.sleep(800);
        Stage[] dialog = new Stage[1];
        fx(() -> {
            dialog[0] = (Stage) javafx.stage.Window.getWindows().stream().filter(w -> w != stage).findFirst()
                    .orElseThrow();
            var field = (javafx.scene.control.TextField) dialog[0].getScene().getRoot().lookup(".text-field");
            field.setText(System.getProperty("berth.tour.pull", "localhost:5000/demo/app:1.0"));
            field.fireEvent(new javafx.event.ActionEvent());
        });
        Thread.sleep(4000);
        snapshot(dialog[0].getScene(), dir.resolve("pull-dialog-light-en.png"));
        fx(() -> dialog[0].close());
        fx(() -> context().images().items().stream().filter(r -> r.repository().equals("localhost:5000/demo/web"))
                .findFirst()
                .ifPresent(r -> context().images().remove(java.util.List.of(r))));
        Thread.sleep(1500);
        snapshot(stage.getScene(), dir.resolve("error-light-en.png"));
        fx(() -> context().shell().connect(context().shell().connections().getFirst()));
        Thread.sleep(2000);
        fx(() -> window().show(PageId.CONTAINERS));
        Thread.sleep(800);
        snapshot(stage.getScene(), dir.resolve("berth-engine-down-light-en.png"));
        if (Boolean.getBoolean("berth.tour.start")) {
            fx(() -> context().shell().startLocalEngine());
            Thread.sleep(Long.getLong("berth.tour.startWait", 60_000));
            snapshot(stage.getScene(), dir.resolve("berth-engine-start-light-en.png"));
        }
    }

    static void fx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    public static void snapshot(Scene scene, Path file) throws Exception {
        WritableImage[] img = new WritableImage[1];
        fx(() -> img[0] = scene.snapshot(null));
        int w = (int) img[0].getWidth();
        int h = (int) img[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader px = img[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    /** Started through {@link Main}: the java launcher will not start an Application from the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(ScreenshotTour.class, args);
            try {
                PREFS.removeNode();
            } catch (java.util.prefs.BackingStoreException e) {
                System.err.println("could not remove tour preferences: " + e.getMessage());
            }
        }
    }
}
