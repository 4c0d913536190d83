package dev.berth.app.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.FileEntry;
import dev.berth.app.logs.LogEntry;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.terminal.TerminalSession;
import dev.berth.app.testing.BerthdLauncher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A container's page, headless on Monocle, against a real berthd (root; hold the engine lock): a terminal that
 * echoes, follows resizes and shows Korean; logs found by regex; stats points arriving; files listed and downloaded.
 */
@ExtendWith(ApplicationExtension.class)
class ContainerPageIT {
    private static BerthdLauncher berthd;
    private static DockerJavaEngine engine;
    private static String containerId;
    private ContainerDetailsPage page;
    private ContainerDetailsPages pages;
    private Stage stage;

    @BeforeAll
    static void startEngine() {
        assumeTrue(BerthdLauncher.available(), "needs root and bin/berthd");
        berthd = BerthdLauncher.start();
        engine = new DockerJavaEngine(berthd.uri());
        containerId = berthd.docker("run", "-d", "--name", "page-it", berthd.busyboxImage(), "sh", "-c",
                "echo started; i=0; while true; do i=$((i+1)); echo line-$i; if [ $i = 7 ]; then echo order-4711-paid; fi;"
                        + " sleep 0.2; done");
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
        if (berthd != null) {
            berthd.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        I18n.setLocale(Locale.ENGLISH);
        var summary = new ContainerSummary(containerId, "page-it", berthd.busyboxImage(), "", "running", "Up",
                List.of(), Instant.now(), Map.of(), List.of());
        pages = new ContainerDetailsPages(() -> engine, Async.fx(), berthd::uri, StandardTabs.all());
        StackPane content = new StackPane();
        pages.open(summary, p -> {
            page = p;
            content.getChildren().setAll(p.root());
        }, () -> {});
        Scene scene = new Scene(content, 1000, 700);
        stage.setScene(scene);
        stage.show();
    }

    /** Each test gets its own page; closing it hangs up its terminal and stops its streams. */
    @org.junit.jupiter.api.AfterEach
    void closePages(FxRobot robot) {
        robot.interact(pages::closeAll);
    }

    @Test
    void terminalEchoesResizesAndShowsKorean(FxRobot robot) throws Exception {
        TerminalTab tab = (TerminalTab) page.tab("terminal");
        TerminalSession session = firstTerminal(tab);
        assertEquals("/bin/sh", session.shell(), "busybox has no bash: the probe falls back to sh");
        Node keys = tab.view().focusTarget(session);

        type(robot, keys, "echo h''i");
        waitUntil(() -> screen(tab, session).lines().anyMatch(l -> l.strip().equals("hi")), "hi echoed");

        // busybox's line editor drops keys typed while it draws its prompt, so a command is typed again until
        // its answer shows (what a person does too).
        String[] first = new String[1];
        waitUntil(() -> {
            type(robot, keys, "stty size");
            Thread.sleep(400);
            // The TTY starts at 80x24 and takes the pane's size once the emulator has laid itself out.
            first[0] = lastSize(tab, session);
            return first[0].endsWith(" " + bufferWidth(tab, session));
        }, () -> "stty size shows the emulator's width " + bufferWidth(tab, session) + ":\n" + screen(tab, session));
        String before = first[0];
        // Narrow the page (as a smaller window would): the terminal pane shrinks and the emulator resizes the TTY.
        robot.interact(() -> ((javafx.scene.layout.Region) page.root()).setMaxWidth(600));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        String[] after = new String[1];
        waitUntil(() -> {
            type(robot, keys, "stty size");
            Thread.sleep(400);
            after[0] = lastSize(tab, session);
            return !after[0].isEmpty() && !after[0].equals(before);
        }, () -> "stty size changed after the pane got narrower (before '" + before + "', emulator width "
                + bufferWidth(tab, session) + "):\n" + screen(tab, session));
        assertTrue(after[0].endsWith(" " + bufferWidth(tab, session)), after[0] + " vs the emulator's width");

        Thread.sleep(500);
        type(robot, keys, "cat");
        Thread.sleep(700);
        type(robot, keys, "안녕하세요 berth");
        waitUntil(() -> screen(tab, session).lines().filter(l -> l.contains("안녕하세요 berth")).count() >= 2,
                () -> "Korean echoed by the tty and printed back by cat:\n" + screen(tab, session));
        robot.interact(() -> Event.fireEvent(keys, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.D, false, true,
                false, false)));
    }

    @Test
    void fullScreenProgramsAndColorsRenderRight(FxRobot robot) throws Exception {
        TerminalTab tab = (TerminalTab) page.tab("terminal");
        TerminalSession session = firstTerminal(tab);
        Node keys = tab.view().focusTarget(session);
        command(robot, keys, tab, session, "printf 'alpha\\nbeta\\ngamma\\n' > /tmp/short.txt; seq 1 300 > "
                + "/tmp/long.txt; echo ready-$((40+2))", s -> s.contains("ready-42"), "test files written");

        // Colors: the output (not the typed line) carries SGR 31, red.
        command(robot, keys, tab, session, "printf '\\033[31m%s\\033[0m\\n' RED-$((6*7))",
                s -> s.contains("RED-42"), "colored output");
        int[] fg = new int[1];
        WaitForAsyncUtils.asyncFx(() -> fg[0] = tab.view().foregroundIndexAt(session, "RED-42")).get(5,
                TimeUnit.SECONDS);
        assertEquals(1, fg[0], "ANSI red is color index 1");

        // vi: the file at the top, '~' on every line past its end, the status line at the bottom.
        launch(robot, keys, tab, session, "vi /tmp/short.txt", s -> s.startsWith("alpha\nbeta\ngamma\n~"),
                "vi shows the file from the top");
        waitUntil(() -> viFillsTheScreen(lines(tab, session)), () -> "'~' fills vi's screen:\n" + lines(tab, session));
        long rowsBefore = lines(tab, session).lines().count();
        // A shorter pane: the TTY gets SIGWINCH and vi redraws at the new height.
        robot.interact(() -> ((javafx.scene.layout.Region) page.root()).setMaxHeight(420));
        waitUntil(() -> lines(tab, session).lines().count() < rowsBefore && viFillsTheScreen(lines(tab, session)),
                () -> "vi redrew at the new height (was " + rowsBefore + " rows):\n" + lines(tab, session));
        press(robot, keys, KeyCode.ESCAPE);
        keys(robot, keys, ":q");
        press(robot, keys, KeyCode.ENTER);
        command(robot, keys, tab, session, "echo back-$((1+1))", s -> s.contains("back-2"), "the shell after vi");

        // less: the first screenful, space pages on, q quits.
        launch(robot, keys, tab, session, "less /tmp/long.txt", s -> s.startsWith("1\n2\n3\n"),
                "less shows the file's first lines");
        int lastShown = lines(tab, session).lines().filter(l -> l.matches("\\d+")).mapToInt(Integer::parseInt).max()
                .orElseThrow();
        keys(robot, keys, " ");
        waitUntil(() -> lines(tab, session).startsWith((lastShown + 1) + "\n"),
                () -> "space paged on to " + (lastShown + 1) + ":\n" + lines(tab, session));
        keys(robot, keys, "q");
        command(robot, keys, tab, session, "echo done-$((2+1))", s -> s.contains("done-3"), "the shell after less");

        // top: its header and process table, refreshed every second, q quits.
        launch(robot, keys, tab, session, "top -d 1", s -> s.contains("Mem:") && s.contains("PID"),
                "top draws its header and table");
        String first = lines(tab, session);
        waitUntil(() -> !lines(tab, session).equals(first), () -> "top refreshes:\n" + lines(tab, session));
        keys(robot, keys, "q");
        command(robot, keys, tab, session, "echo after-$((3+1))", s -> s.contains("after-4"), "the shell after top");
    }

    /** The screen with each line's padding removed (the buffer pads every line to the terminal's width). */
    private static String lines(TerminalTab tab, TerminalSession session) throws Exception {
        return String.join("\n", screen(tab, session).lines().map(String::stripTrailing).toList());
    }

    /** Starts a full-screen program once (typing again would land inside it) and waits until it has drawn. */
    private static void launch(FxRobot robot, Node keys, TerminalTab tab, TerminalSession session, String line,
            java.util.function.Predicate<String> drawn, String what) throws Exception {
        Thread.sleep(300); // let the prompt finish drawing: busybox drops keys typed meanwhile
        type(robot, keys, line);
        waitUntil(() -> drawn.test(lines(tab, session)), () -> what + ":\n" + lines(tab, session));
    }

    @Test
    void copyAndPasteUseThePlatformKeysAndCtrlCStillInterrupts(FxRobot robot) throws Exception {
        TerminalTab tab = (TerminalTab) page.tab("terminal");
        TerminalSession session = firstTerminal(tab);
        Node keys = tab.view().focusTarget(session);
        command(robot, keys, tab, session, "echo copy-me-$((6*7))", s -> s.contains("copy-me-42"), "text to copy");

        // Ctrl+C (no Shift) is still the TTY's interrupt while nothing is selected: a sleeping command ends at once.
        // (With a selection, JediTerm's Ctrl+C copies it, as Windows Terminal does.)
        launch(robot, keys, tab, session, "sleep 300; echo slept", s -> s.contains("sleep 300; echo slept"),
                "sleep started");
        Thread.sleep(300);
        // What JavaFX on Linux delivers for Ctrl+C: the press of C (text "c") with Ctrl, then the typed ETX.
        robot.interact(() -> {
            Event.fireEvent(keys, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "c", KeyCode.C, false,
                    true, false, false));
            Event.fireEvent(keys, new KeyEvent(KeyEvent.KEY_TYPED, "\u0003", "", KeyCode.UNDEFINED, false, true,
                    false, false));
        });
        command(robot, keys, tab, session, "echo woke-$((9+1))", s -> s.contains("woke-10"), "interrupted sleep");
        assertTrue(!lines(tab, session).contains("\nslept"), "the sleep was interrupted, not finished");

        // Copy: select, then Ctrl+Shift+C (Linux; Cmd+C on macOS) puts the selection on the system clipboard.
        robot.interact(() -> {
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(java.util.Map.of(
                    javafx.scene.input.DataFormat.PLAIN_TEXT, "before"));
            tab.view().selectAll(session);
        });
        robot.interact(() -> Event.fireEvent(keys, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.C, true, true,
                false, false)));
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertTrue(copied[0] != null && copied[0].contains("copy-me-42"), "clipboard: " + copied[0]);

        // Paste: Ctrl+Shift+V types the clipboard into the shell.
        robot.interact(() -> javafx.scene.input.Clipboard.getSystemClipboard().setContent(java.util.Map.of(
                javafx.scene.input.DataFormat.PLAIN_TEXT, "echo pasted-$((5*5))")));
        Thread.sleep(300);
        robot.interact(() -> Event.fireEvent(keys, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.V, true, true,
                false, false)));
        press(robot, keys, KeyCode.ENTER);
        waitUntil(() -> lines(tab, session).contains("pasted-25"), () -> "pasted and run:\n" + lines(tab, session));

    }

    /** The terminal that opened on showing the tab, once its session and its widget both exist. */
    private static TerminalSession firstTerminal(TerminalTab tab) throws Exception {
        waitUntil(() -> TerminalDriver.opened(tab) != null, "a terminal opened on showing the tab");
        return TerminalDriver.opened(tab);
    }

    /** vi's screen: lines of the file, then only '~' lines up to the status line, which names the file. */
    private static boolean viFillsTheScreen(String screen) {
        List<String> lines = screen.lines().map(String::stripTrailing).toList();
        if (lines.size() < 6) {
            return false;
        }
        List<String> middle = lines.subList(3, lines.size() - 1);
        return middle.stream().allMatch(l -> l.equals("~")) && lines.getLast().contains("short.txt");
    }

    @Test
    void logsFindALineByRegex(FxRobot robot) throws Exception {
        robot.interact(() -> page.select("logs"));
        LogsTab tab = (LogsTab) page.tab("logs");
        waitUntil(() -> tab.viewModel().shown().size() > 10, "log lines arrive");
        robot.interact(() -> {
            tab.viewModel().regexProperty().set(true);
            tab.viewModel().searchProperty().set("order-\\d+-paid");
        });
        robot.clickOn("#logs-search").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tab.viewModel().matchesProperty().get());
        LogEntry selected = tab.view().list().getSelectionModel().getSelectedItem();
        assertEquals("order-4711-paid", selected.plain());
        assertTrue(Pattern.compile("line-\\d+").matcher(tab.viewModel().shown().get(3).plain()).matches());
    }

    @Test
    void statsChartReceivesPoints(FxRobot robot) throws Exception {
        robot.interact(() -> page.select("stats"));
        StatsTab tab = (StatsTab) page.tab("stats");
        waitUntil(() -> tab.view().cpuSeries().getData().size() >= 2, "two CPU points");
        robot.interact(() -> page.select("files"));
        int frozen = tab.view().cpuSeries().getData().size();
        Thread.sleep(2500);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tab.view().cpuSeries().getData().size() <= frozen + 1, "no chart work while hidden");
    }

    @Test
    void filesListEtcAndDownloadHostname(FxRobot robot, @TempDir Path downloads) throws Exception {
        robot.interact(() -> page.select("files"));
        FilesTab tab = (FilesTab) page.tab("files");
        robot.clickOn("#files-path").eraseText(1);
        robot.interact(() -> tab.viewModel().go("/etc"));
        waitUntil(() -> tab.viewModel().pathProperty().get().equals("/etc")
                && tab.viewModel().entries().stream().anyMatch(e -> e.name().equals("hostname")), "/etc listed");
        FileEntry hostname = tab.viewModel().entries().stream().filter(e -> e.name().equals("hostname")).findFirst()
                .orElseThrow();
        assertEquals(FileEntry.Type.FILE, hostname.type());
        assertTrue(tab.view().table().getItems().contains(hostname));
        robot.interact(() -> tab.viewModel().download(hostname, downloads));
        Path file = downloads.resolve("hostname");
        waitUntil(() -> Files.exists(file) && Files.size(file) > 0, "hostname downloaded");
        String expected = engine.runCommand(containerId, List.of("cat", "/etc/hostname")).output();
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(containerId.substring(0, 12), expected.strip());
    }

    /** Types text as key-typed events (what a keyboard or an input method delivers), then Enter. */
    private static void type(FxRobot robot, Node target, String text) {
        TerminalDriver.type(robot, target, text);
    }

    /** Types {@code text} without Enter (vi commands, less's space and q). */
    private static void keys(FxRobot robot, Node target, String text) {
        TerminalDriver.keys(robot, target, text);
    }

    private static void press(FxRobot robot, Node target, KeyCode key) {
        TerminalDriver.press(robot, target, key);
    }

    /** {@link TerminalDriver#command} with this class's time-out. */
    private static void command(FxRobot robot, Node keys, TerminalTab tab, TerminalSession session, String line,
            java.util.function.Predicate<String> answered, String what) {
        TerminalDriver.command(robot, keys, tab, session, line, answered, java.time.Duration.ofSeconds(20), what);
    }

    private static String screen(TerminalTab tab, TerminalSession session) throws Exception {
        return TerminalDriver.screen(tab, session);
    }

    private static int bufferWidth(TerminalTab tab, TerminalSession session) throws Exception {
        int[] out = new int[1];
        WaitForAsyncUtils.asyncFx(() -> out[0] = tab.view().columns(session)).get(5, TimeUnit.SECONDS);
        return out[0];
    }

    /** The last "rows cols" line on screen. */
    private static String lastSize(TerminalTab tab, TerminalSession session) throws Exception {
        List<String> sizes = screen(tab, session).lines().map(String::strip).filter(l -> l.matches("\\d+ \\d+"))
                .toList();
        return sizes.isEmpty() ? "" : sizes.getLast();
    }

    private static void waitUntil(Callable<Boolean> condition, String what) throws Exception {
        waitUntil(condition, () -> what);
    }

    private static void waitUntil(Callable<Boolean> condition, Callable<String> what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
            if (condition.call()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for: " + what.call());
    }
}
