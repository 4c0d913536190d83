package dev.berth.app.shell;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.RunSpec;
import dev.berth.app.run.RunDialog;
import dev.berth.app.settings.AppSettings;
import dev.berth.app.settings.LanguageChoice;
import dev.berth.app.settings.ThemeChoice;
import dev.berth.testkit.BerthdExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Not a test: screenshots of the Run dialog (valid and with a bad port), the Containers page with live CPU/memory
 * and a notification, and Settings (desktop/tray options, registry sign-in), against a real berthd with sample
 * content that this tool starts itself ({@code scripts/screenshots}). Writes PNGs to {@code -Dberth.shots}.
 */
public final class ManageTour extends BerthApp {
    private static final Preferences PREFS = Preferences.userRoot().node("dev/berth/tour/" + UUID.randomUUID());
    private static String image;

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
        stage.setHeight(800);
        Path dir = Path.of(System.getProperty("berth.shots", "target/screenshots"));
        Thread.ofPlatform().daemon().start(() -> {
            try {
                tour(stage, dir);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
            }
        });
    }

    private void tour(Stage stage, Path dir) throws Exception {
        Files.createDirectories(dir);
        Thread.sleep(5000);
        for (LanguageChoice lang : List.of(LanguageChoice.ENGLISH, LanguageChoice.KOREAN)) {
            String suffix = lang == LanguageChoice.KOREAN ? "-ko" : "-en";
            ScreenshotTour.fx(() -> {
                context().settingsViewModel().languageProperty().set(lang);
                context().settingsViewModel().themeProperty().set(ThemeChoice.LIGHT);
                window().show(PageId.CONTAINERS);
            });
            Thread.sleep(4000);
            ScreenshotTour.fx(() -> context().notifications().post(Notice.Level.ERROR,
                    dev.berth.app.support.I18n.t("notify.crashed", "worker"),
                    dev.berth.app.support.I18n.t("notify.exitCode", 2)));
            Thread.sleep(800);
            ScreenshotTour.snapshot(stage.getScene(), dir.resolve("containers-stats-light" + suffix + ".png"));
            RunDialog[] run = new RunDialog[1];
            ScreenshotTour.fx(() -> {
                var vm = context().newRun(image);
                vm.nameProperty().set("web");
                vm.portsProperty().set("8080:80\n127.0.0.1:5353:53/udp");
                vm.envProperty().set("GREETING=hello world\nMODE=demo");
                vm.volumesProperty().set("site-data:/data\n/srv/site:/site:ro");
                vm.commandProperty().set("httpd -f -p 80");
                vm.restartProperty().set(RunSpec.RestartPolicy.Kind.UNLESS_STOPPED);
                run[0] = new RunDialog(vm, stage);
                run[0].show();
            });
            Thread.sleep(1500);
            ScreenshotTour.snapshot(run[0].stage().getScene(), dir.resolve("run-dialog-light" + suffix + ".png"));
            ScreenshotTour.fx(() -> {
                var area = (javafx.scene.control.TextArea) run[0].stage().getScene().lookup("#run-ports");
                area.setText("8080:80\n80:http");
            });
            Thread.sleep(800);
            ScreenshotTour.snapshot(run[0].stage().getScene(),
                    dir.resolve("run-dialog-invalid-light" + suffix + ".png"));
            ScreenshotTour.fx(() -> run[0].stage().close());
            buildShots(stage, dir, suffix);
            ScreenshotTour.fx(() -> window().show(PageId.SETTINGS));
            Thread.sleep(1200);
            ScreenshotTour.snapshot(stage.getScene(), dir.resolve("settings-light" + suffix + ".png"));
            ScreenshotTour.fx(() -> {
                var scroll = (ScrollPane) stage.getScene().lookup("#page-settings");
                scroll.setVvalue(0.75);
            });
            Thread.sleep(800);
            ScreenshotTour.snapshot(stage.getScene(), dir.resolve("settings-signin-light" + suffix + ".png"));
            ScreenshotTour.fx(() -> Window.getWindows().stream().filter(w -> w != stage).toList()
                    .forEach(Window::hide));
        }
        // Then every page in both themes and languages, against the same sample content, without the crash notices
        // posted above (errors stay until dismissed).
        ScreenshotTour
                .fx(() -> List.copyOf(context().notifications().visible()).forEach(context().notifications()::dismiss));
        ScreenshotTour.pages(this, stage, dir);
    }

    /**
     * The Build window over a sample project: built fresh in the first language, all from the cache in the second;
     * and, in English, a build whose RUN fails, pointing at its Dockerfile line.
     */
    private void buildShots(Stage stage, Path dir, String suffix) throws Exception {
        dev.berth.app.builds.BuildDialog[] dialog = new dev.berth.app.builds.BuildDialog[1];
        dev.berth.app.builds.BuildViewModel[] vm = new dev.berth.app.builds.BuildViewModel[1];
        ScreenshotTour.fx(() -> {
            vm[0] = context().newBuild();
            vm[0].folderProperty().set(project.toString());
            vm[0].tagProperty().set("demo/web:1.0");
            vm[0].buildArgsProperty().set("GREETING=hello");
            dialog[0] = new dev.berth.app.builds.BuildDialog(vm[0], stage);
            dialog[0].show();
        });
        Thread.sleep(1500);
        ScreenshotTour.fx(() -> vm[0].build());
        awaitBuild(vm[0]);
        Thread.sleep(800);
        ScreenshotTour.snapshot(dialog[0].stage().getScene(), dir.resolve("build-dialog-light" + suffix + ".png"));
        if (suffix.equals("-en")) {
            ScreenshotTour.fx(() -> {
                vm[0].folderProperty().set(failing.toString());
                vm[0].tagProperty().set("demo/broken:1.0");
                vm[0].buildArgsProperty().set("");
            });
            Thread.sleep(1000);
            ScreenshotTour.fx(() -> vm[0].build());
            awaitBuild(vm[0]);
            Thread.sleep(800);
            ScreenshotTour.snapshot(dialog[0].stage().getScene(),
                    dir.resolve("build-dialog-failed-light" + suffix + ".png"));
        }
        ScreenshotTour.fx(() -> dialog[0].stage().close());
    }

    /** Polls until the build started above has ended (a screenshot tool, not a test: it waits for what it shows). */
    private static void awaitBuild(dev.berth.app.builds.BuildViewModel vm) throws Exception {
        Thread.sleep(300);
        for (int i = 0; i < 600 && vm.runningProperty().get(); i++) {
            Thread.sleep(100);
        }
    }

    private static Path project;
    private static Path failing;

    /** A small two-stage project to build, and one whose RUN fails. */
    private static void sampleProjects(Path dir, String image) throws Exception {
        project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("Dockerfile"), """
                # A static site, tested, then served by busybox httpd
                FROM %1$s AS site
                ARG GREETING=hi
                WORKDIR /site
                COPY index.html .
                RUN sed -i "s/GREETING/$GREETING/" index.html

                FROM site AS test
                RUN grep -q "<h1>" index.html && echo "page looks right"

                FROM %1$s
                COPY --from=site /site /www
                EXPOSE 80
                HEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost/ || exit 1
                CMD ["httpd", "-f", "-p", "80", "-h", "/www"]
                """.formatted(image));
        Files.writeString(project.resolve("index.html"), "<h1>GREETING from Berth</h1>\n");
        Files.writeString(project.resolve(".dockerignore"), "*.log\n.git\n");
        failing = Files.createDirectories(dir.resolve("failing"));
        Files.writeString(failing.resolve("Dockerfile"), """
                FROM %s
                WORKDIR /app
                COPY . .
                RUN echo "compiling…" && ls missing-file
                """.formatted(image));
        Files.writeString(failing.resolve("main.c"), "int main(void) { return 0; }\n");
    }

    /** Starts a registry and berthd with sample content, runs the tour against it, and cleans up. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            try (BerthdExtension berthd = BerthdExtension.fromCheckout().withImage("demo/busybox:1.36").startNow()) {
                String uri = berthd.dockerHost();
                try (var api = new DockerJavaEngine(uri)) {
                    image = berthd.image();
                    api.pullImage(image, p -> {});
                    sampleProjects(berthd.tempDir(), image);
                    api.createNetwork(new dev.berth.app.engine.NetworkSpec("backend", "", false));
                    for (String name : List.of("api", "worker", "cache")) {
                        api.runContainer(new RunSpec(image, name, List.of(), List.of(), List.of(),
                                List.of("sh", "-c", "while true; do i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; "
                                        + "sleep 0.2; done"),
                                RunSpec.RestartPolicy.NO, false, ""));
                    }
                    Application.launch(ManageTour.class, "--connect", uri);
                } finally {
                    PREFS.removeNode();
                }
            }
            System.exit(0);
        }
    }
}
