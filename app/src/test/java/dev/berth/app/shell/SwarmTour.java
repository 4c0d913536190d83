package dev.berth.app.shell;

import dev.berth.app.it.SwarmCluster;
import dev.berth.app.settings.AppSettings;
import dev.berth.app.settings.LanguageChoice;
import dev.berth.app.settings.ThemeChoice;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Screenshots of the Swarm page: a three-node swarm of Debian's dockerd ({@link SwarmCluster}) with a stack of two
 * services, a loose one, a secret and a config; the app connected to its manager shows Services (a service chosen,
 * its tasks below) and Nodes, light and dark, English and Korean, written to {@code -Dberth.shots} (default
 * target/screenshots). Needs root and a display (xvfb-run).
 */
public final class SwarmTour extends BerthApp {
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
            for (LanguageChoice lang : new LanguageChoice[]{LanguageChoice.ENGLISH, LanguageChoice.KOREAN}) {
                for (ThemeChoice theme : new ThemeChoice[]{ThemeChoice.LIGHT, ThemeChoice.DARK}) {
                    ScreenshotTour.fx(() -> {
                        context().settingsViewModel().languageProperty().set(lang);
                        context().settingsViewModel().themeProperty().set(theme);
                    });
                    String suffix = "-" + theme.name().toLowerCase() + "-" + (lang == LanguageChoice.KOREAN ? "ko"
                            : "en") + ".png";
                    ScreenshotTour.fx(() -> window().show(PageId.SWARM));
                    Thread.sleep(4000); // the page reads the swarm when it shows, and then every two seconds
                    ScreenshotTour.fx(() -> {
                        tabs(stage).getSelectionModel().select(0);
                        chooseService(stage, "shop_web");
                    });
                    Thread.sleep(3000);
                    ScreenshotTour.snapshot(stage.getScene(), dir.resolve("swarm-services" + suffix));
                    ScreenshotTour.fx(() -> tabs(stage).getSelectionModel().select(1));
                    Thread.sleep(2500);
                    ScreenshotTour.snapshot(stage.getScene(), dir.resolve("swarm-nodes" + suffix));
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }

    private static TabPane tabs(Stage stage) {
        return (TabPane) stage.getScene().getRoot().lookup(".tab-pane");
    }

    @SuppressWarnings("unchecked")
    private static void chooseService(Stage stage, String name) {
        TableView<dev.berth.app.engine.swarm.SwarmService> table = (TableView<dev.berth.app.engine.swarm.SwarmService>) stage
                .getScene().getRoot().lookup("#swarm-services");
        table.getItems().stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(s -> table
                .getSelectionModel().select(s));
    }

    /** Starts the swarm with its services, runs the tour against its manager, and removes everything. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            try (SwarmCluster cluster = SwarmCluster.start()) {
                Path image = cluster.socket(1).getParent().resolve("image.tar");
                TestImages.busybox().writeArchive(image, "shop/web:1.4");
                for (int i = 1; i <= SwarmCluster.NODES; i++) {
                    cluster.docker(i, "load", "-i", image.toString());
                    cluster.docker(i, "tag", "shop/web:1.4", "shop/db:15");
                    cluster.docker(i, "tag", "shop/web:1.4", "tools/talker:2");
                }
                cluster.docker(1, "swarm", "init", "--advertise-addr", cluster.address(1));
                String token = cluster.docker(1, "swarm", "join-token", "-q", "worker").stdout().strip();
                for (int i = 2; i <= SwarmCluster.NODES; i++) {
                    cluster.docker(i, "swarm", "join", "--token", token, cluster.address(1) + ":2377");
                }
                service(cluster, "shop_web", "4", "shop", "shop/web:1.4", "-p", "published=8080,target=80,mode=host");
                service(cluster, "shop_db", "1", "shop", "shop/db:15");
                service(cluster, "talker", "2", "", "tools/talker:2");
                Path secret = java.nio.file.Files.writeString(cluster.socket(1).getParent().resolve("secret"),
                        "s3cret");
                cluster.docker(1, "secret", "create", "db_password", secret.toString());
                cluster.docker(1, "config", "create", "nginx_conf", secret.toString());
                Application.launch(SwarmTour.class, "--connect", cluster.uri(1));
            } finally {
                PREFS.removeNode();
            }
            System.exit(0);
        }

        private static void service(SwarmCluster cluster, String name, String replicas, String stack, String image,
                String... more) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("service", "create", "--detach",
                    "--no-resolve-image", "--endpoint-mode", "dnsrr", "--name", name, "--replicas", replicas));
            if (!stack.isEmpty()) {
                args.addAll(java.util.List.of("--label", "com.docker.stack.namespace=" + stack));
            }
            args.addAll(java.util.List.of(more));
            args.add(image);
            args.addAll(java.util.List.of("sleep", "3600"));
            cluster.docker(1, args.toArray(String[]::new));
        }
    }
}
