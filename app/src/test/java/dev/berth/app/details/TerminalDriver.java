package dev.berth.app.details;

import dev.berth.app.terminal.TerminalSession;
import dev.berth.testkit.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives a container page's terminal in tests as a keyboard would, and reads its screen. */
public final class TerminalDriver {
    private TerminalDriver() {}

    /** Types text as key-typed events (what a keyboard or an input method delivers), then Enter. */
    public static void type(FxRobot robot, Node target, String text) {
        keys(robot, target, text);
        press(robot, target, KeyCode.ENTER);
    }

    /** Types {@code text} without Enter (vi commands, less's space and q). */
    public static void keys(FxRobot robot, Node target, String text) {
        robot.interact(() -> text.codePoints().forEach(cp -> {
            // A press the emulator does not handle, then the typed character: JediTermFX ignores a typed
            // character that follows a press it handled (Enter), as a real keyboard's events would be.
            String ch = new String(Character.toChars(cp));
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, ch, ch, KeyCode.UNDEFINED, false, false,
                    false, false));
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false,
                    false, false));
        }));
    }

    public static void press(FxRobot robot, Node target, KeyCode key) {
        robot.interact(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false,
                false, false)));
    }

    /** What the terminal shows now, read on the FX thread. */
    public static String screen(TerminalTab tab, TerminalSession session) throws Exception {
        String[] out = new String[1];
        WaitForAsyncUtils.asyncFx(() -> out[0] = tab.view().screenText(session)).get(5, TimeUnit.SECONDS);
        return out[0];
    }

    /**
     * Types the shell command {@code line} until {@code answered} holds on the screen, at most {@code timeout}:
     * busybox's line editor drops keys typed while it draws its prompt, so a person types again too. After each
     * try it waits for the answer (a moment), never a fixed time. Commands given here must be safe to run twice.
     */
    public static void command(FxRobot robot, Node keys, TerminalTab tab, TerminalSession session, String line,
            Predicate<String> answered, Duration timeout, String what) {
        Await.until(what, timeout, () -> {
            if (answered.test(screenQuietly(tab, session))) {
                return true;
            }
            type(robot, keys, line);
            return Await.within(ANSWER_PATIENCE, () -> answered.test(screenQuietly(tab, session)));
        }, () -> screenQuietly(tab, session));
    }

    /** How long one try waits for its answer before typing again. */
    private static final Duration ANSWER_PATIENCE = Duration.ofMillis(1500);

    private static String screenQuietly(TerminalTab tab, TerminalSession session) {
        try {
            return screen(tab, session);
        } catch (Exception e) {
            return "";
        }
    }

    /** The terminal that opened on showing the tab, once its session and its widget both exist; null until then. */
    public static TerminalSession opened(TerminalTab tab) throws Exception {
        boolean[] shown = new boolean[1];
        WaitForAsyncUtils.asyncFx(() -> shown[0] = !tab.viewModel().sessions().isEmpty()
                && tab.view().shows(tab.viewModel().sessions().getFirst())).get(5, TimeUnit.SECONDS);
        return shown[0] ? tab.viewModel().sessions().getFirst() : null;
    }
}
