package dev.berth.app.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The page over a fake engine: tabs are told when they are seen, pages are kept per container until closed. */
@ExtendWith(ApplicationExtension.class)
class ContainerDetailsPageTest {
    private final FakeEngine engine = new FakeEngine();
    private final List<String> seen = new ArrayList<>();
    private final StackPane content = new StackPane();
    private ContainerDetailsPages pages;
    private ContainerDetailsPage page;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        engine.containers.add(FakeEngine.container("c1", "web", "running", null));
        engine.inside.file("/bin/sh", "elf");
        DetailTabProvider probe = StandardTabs.provider("probe", "details.tab.probe", ctx -> new DetailTab() {
            private final Label label = new Label("probe of " + ctx.containerName());

            public Node root() {
                return label;
            }

            public void shown() {
                seen.add("shown");
            }

            public void hidden() {
                seen.add("hidden");
            }

            public void close() {
                seen.add("closed");
            }
        });
        List<DetailTabProvider> providers = new ArrayList<>(StandardTabs.all());
        providers.add(probe);
        pages = new ContainerDetailsPages(() -> engine, Async.fx(), () -> "unix:///fake.sock", providers);
        page = pages.open(engine.containers.getFirst(), p -> content.getChildren().setAll(p.root()), () -> {});
        stage.setScene(new Scene(content, 900, 600));
        stage.show();
    }

    @Test
    void theFirstTabOpensATerminalAndAProviderTabIsToldWhenSeen(FxRobot robot) throws Exception {
        TerminalTab terminal = (TerminalTab) page.tab("terminal");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !terminal.viewModel().sessions().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, terminal.viewModel().sessions().size(), "a terminal opens when the tab is first seen");
        robot.interact(() -> page.select("probe"));
        assertEquals(List.of("shown"), seen);
        robot.interact(() -> page.select("stats"));
        assertTrue(engine.inside.statsFollowed(), "stats follow while their tab is seen");
        assertEquals(List.of("shown", "hidden"), seen);
        robot.interact(() -> content.getChildren().clear());
        assertFalse(engine.inside.statsFollowed(), "leaving the page stops the stats stream");
        robot.interact(() -> content.getChildren().setAll(page.root()));
        assertTrue(engine.inside.statsFollowed());
        assertEquals(1, terminal.viewModel().sessions().size(), "the terminal survived leaving the page");
    }

    @Test
    void openingAgainGivesTheSamePageAndClosingEndsItsSessions(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        ContainerDetailsPage[] again = new ContainerDetailsPage[1];
        robot.interact(() -> again[0] = pages.open(engine.containers.getFirst(), p -> {}, () -> {}));
        assertSame(page, again[0]);
        robot.interact(() -> pages.close("c1"));
        assertTrue(seen.contains("closed"));
        assertTrue(engine.inside.calls.contains("logs closed"));
        robot.interact(() -> again[0] = pages.open(engine.containers.getFirst(), p -> {}, () -> {}));
        assertFalse(page == again[0], "a closed page is made anew");
    }
}
