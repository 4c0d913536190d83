package dev.berth.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.Connection;
import dev.berth.app.engine.ImageSummary;
import dev.berth.app.engine.PortMapping;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.settings.AppSettings;
import dev.berth.app.settings.LanguageChoice;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window (headless, on Monocle) over a fake engine and drives it like a person would. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private final FakeEngine engine = new FakeEngine();
    private final Preferences prefs = Preferences.userRoot().node("dev/berth/test/" + UUID.randomUUID());
    private AppContext ctx;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        engine.containers.add(FakeEngine.container("w1", "shop-web-1", "running", "shop",
                new PortMapping("0.0.0.0", 8081, 80, "tcp")));
        engine.containers.add(FakeEngine.container("h1", "hello", "exited", null));
        engine.images.add(new ImageSummary("sha256:aaa", List.of("busybox:latest"), Instant.now(), 2_000_000));
        var local = new LocalEngineController(List.of("true"), Path.of("target/berthd-test.log"), () -> false,
                Duration.ofSeconds(1));
        ctx = new AppContext(new AppSettings(prefs), Async.fx(), c -> engine, local, Map.of(), Path.of("target"),
                Duration.ofMillis(20));
        window = new MainWindow(ctx, local, url -> {});
        new ThemeManager().apply(dev.berth.app.settings.ThemeChoice.LIGHT);
        Scene scene = new Scene(window, 1100, 700);
        scene.getStylesheets().add(getClass().getResource("/dev/berth/app/berth.css").toExternalForm());
        window.installShortcuts(scene);
        window.show(PageId.CONTAINERS);
        ctx.settingsViewModel().languageProperty().addListener((o, a, b) -> {
            I18n.setLocale(b.locale(Locale.ENGLISH));
            window = new MainWindow(ctx, local, url -> {});
            scene.setRoot(window);
            window.show(PageId.SETTINGS);
        });
        stage.setScene(scene);
        stage.show();
        ctx.start("unix:///tmp/fake.sock");
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
        I18n.setLocale(Locale.ENGLISH);
    }

    private static void settle() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> true);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsContainersGroupedAndTheEngineInTheStatusBar(FxRobot robot) throws Exception {
        settle();
        Label status = robot.lookup("#engine-status").queryAs(Label.class);
        assertEquals("fake.sock · Fake Engine 1.0", status.getText());
        TreeTableView<?> table = robot.lookup("#page-containers .tree-table-view").queryAs(TreeTableView.class);
        assertEquals(2, table.getRoot().getChildren().size(), "the shop project and the standalone container");
        assertEquals(1, table.getRoot().getChildren().getFirst().getChildren().size());
    }

    @Test
    void sidebarAndShortcutsSwitchPages(FxRobot robot) throws Exception {
        settle();
        robot.clickOn("Images");
        settle();
        TableView<?> images = robot.lookup("#page-images .table-view").queryAs(TableView.class);
        assertEquals(1, images.getItems().size());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        settle();
        assertEquals(PageId.VOLUMES, window.current());
        assertTrue(robot.lookup("#page-volumes").tryQuery().isPresent());
        robot.clickOn("Networks");
        settle();
        assertEquals(PageId.NETWORKS, window.current());
    }

    @Test
    void switchingToKoreanRelabelsTheWindow(FxRobot robot) throws Exception {
        settle();
        robot.clickOn("Settings");
        robot.interact(() -> ctx.settingsViewModel().languageProperty().set(LanguageChoice.KOREAN));
        settle();
        Node images = robot.lookup("이미지").query();
        assertTrue(images.isVisible());
        robot.clickOn("컨테이너");
        settle();
        assertEquals(PageId.CONTAINERS, window.current());
    }

    @Test
    void liveEventsReloadTheContainersPage(FxRobot robot) throws Exception {
        settle();
        engine.containers.add(FakeEngine.container("n1", "newcomer", "running", null));
        engine.emit(new dev.berth.app.engine.EngineEvent("container", "create", "n1"));
        settle();
        TreeTableView<?> table = robot.lookup("#page-containers .tree-table-view").queryAs(TreeTableView.class);
        assertEquals(3, table.getRoot().getChildren().size());
        assertTrue(engine.calls.stream().filter(c -> c.equals("listContainers")).count() >= 2);
        assertEquals(Connection.Kind.USER, ctx.shell().currentProperty().get().kind());
    }

    @Test
    void theColumnLayoutComesBackInANewWindowAndLanguage(FxRobot robot) throws Exception {
        settle();
        TreeTableView<?> table = robot.lookup("#page-containers .tree-table-view").queryAs(TreeTableView.class);
        String stateTitle = table.getColumns().get(2).getText();
        robot.interact(() -> {
            moveThirdToFront(table.getColumns());
            window.rememberColumns();
            I18n.setLocale(Locale.KOREAN);
            window = new MainWindow(ctx, new LocalEngineController(List.of("true"), Path.of("target/x.log"),
                    () -> false, Duration.ofSeconds(1)), url -> {});
            table.getScene().setRoot(window);
            window.show(PageId.CONTAINERS);
        });
        settle();
        TreeTableView<?> rebuilt = robot.lookup("#page-containers .tree-table-view").queryAs(TreeTableView.class);
        assertTrue(rebuilt != table);
        assertEquals(I18n.t("containers.col.state"), rebuilt.getColumns().getFirst().getText());
        assertTrue(!stateTitle.equals(rebuilt.getColumns().getFirst().getText()), "relabelled in Korean");
        assertEquals(I18n.t("containers.col.name"), rebuilt.getColumns().get(1).getText());
    }

    private static <C> void moveThirdToFront(javafx.collections.ObservableList<C> cols) {
        cols.addFirst(cols.remove(2));
    }
}
