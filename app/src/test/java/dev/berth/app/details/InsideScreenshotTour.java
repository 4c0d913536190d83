package dev.berth.app.details;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.BerthdLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Not a test: starts berthd (root, engine lock), runs a container with a colorful log, and writes a PNG of every
 * tab of its page in light and dark, English and Korean to {@code -Dberth.shots} (default docs/screenshots).
 * Run under a display: scripts/screenshots/inside.
 */
public final class InsideScreenshotTour {
    private static Stage stage;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("berth.shots", "docs/screenshots"));
        Files.createDirectories(dir);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(() -> {
            stage = new Stage();
            up.countDown();
        });
        up.await();
        try (BerthdLauncher berthd = BerthdLauncher.start();
                DockerJavaEngine engine = new DockerJavaEngine(berthd.uri())) {
            String id = berthd.docker("run", "-d", "--name", "shop-web", "--memory", "256m", berthd.busyboxImage(),
                    "sh", "-c",
                    "i=0; while true; do i=$((i+1)); printf '\\033[32mINFO\\033[0m GET /api/orders/%d 200 %dms\\n' $i $((i%40));"
                            + " if [ $((i%7)) = 0 ]; then printf '\\033[31mERROR\\033[0m payment %d declined\\n' $i >&2; fi;"
                            + " sleep 0.3; done");
            Thread.sleep(3000);
            var summary = new ContainerSummary(id, "shop-web", berthd.busyboxImage(), "", "running", "Up", List.of(),
                    Instant.now(), Map.of(), List.of());
            for (String lang : List.of("en", "ko")) {
                for (boolean dark : new boolean[]{false, true}) {
                    shoot(engine, berthd.uri(), summary, lang, dark, dir);
                }
            }
        } finally {
            Platform.exit();
        }
    }

    private static void shoot(DockerJavaEngine engine, String uri, ContainerSummary c, String lang, boolean dark,
            Path dir) throws Exception {
        ContainerDetailsPages pages = new ContainerDetailsPages(() -> engine, Async.fx(), () -> uri,
                StandardTabs.all());
        ContainerDetailsPage[] page = new ContainerDetailsPage[1];
        fx(() -> {
            I18n.setLocale(Locale.forLanguageTag(lang));
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            StackPane content = new StackPane();
            Scene scene = new Scene(content, 1280, 780);
            scene.getStylesheets()
                    .add(InsideScreenshotTour.class.getResource("/dev/berth/app/berth.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            page[0] = pages.open(c, p -> content.getChildren().setAll(p.root()), () -> {});
        });
        Thread.sleep(2500);
        TerminalTab terminal = (TerminalTab) page[0].tab("terminal");
        // One command at a time: the shell's line editor drops what is typed while it draws its prompt.
        for (String line : List.of("ls --color=always /", "echo 'hello, 안녕하세요 — Berth'", "uname -a")) {
            fx(() -> {
                var session = terminal.viewModel().sessions().getFirst();
                var keys = terminal.view().focusTarget(session);
                line.codePoints().forEach(cp -> {
                    String ch = new String(Character.toChars(cp));
                    Event.fireEvent(keys, new KeyEvent(KeyEvent.KEY_PRESSED, ch, ch, KeyCode.UNDEFINED, false, false,
                            false, false));
                    Event.fireEvent(keys, new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false,
                            false, false));
                });
                Event.fireEvent(keys,
                        new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            });
            Thread.sleep(700);
        }
        Thread.sleep(1500);
        String suffix = (dark ? "dark" : "light") + "-" + lang + ".png";
        snap(dir.resolve("container-terminal-" + suffix));
        fx(() -> {
            page[0].select("logs");
            ((LogsTab) page[0].tab("logs")).viewModel().searchProperty().set("declined");
        });
        Thread.sleep(1000);
        snap(dir.resolve("container-logs-" + suffix));
        fx(() -> page[0].select("stats"));
        Thread.sleep(6000);
        snap(dir.resolve("container-stats-" + suffix));
        fx(() -> {
            page[0].select("files");
            ((FilesTab) page[0].tab("files")).viewModel().go("/etc");
        });
        Thread.sleep(1500);
        snap(dir.resolve("container-files-" + suffix));
        fx(() -> {
            page[0].select("inspect");
        });
        Thread.sleep(1200);
        snap(dir.resolve("container-inspect-" + suffix));
        fx(pages::closeAll);
        Thread.sleep(500);
    }

    private static void snap(Path file) throws Exception {
        WritableImage[] img = new WritableImage[1];
        fx(() -> img[0] = stage.getScene().snapshot(null));
        int w = (int) img[0].getWidth();
        int h = (int) img[0].getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, img[0].getPixelReader().getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void fx(Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }
}
