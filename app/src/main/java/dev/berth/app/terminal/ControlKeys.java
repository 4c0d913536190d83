package dev.berth.app.terminal;

import com.techsenger.jeditermfx.ui.TerminalPanel;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Ctrl+letter as the control character a terminal sends (Ctrl+C is ETX, which the TTY turns into SIGINT; Ctrl+D is
 * EOT…). JediTermFX sends one only when the key press carries the control character as its text, which JavaFX on
 * Linux does not do (the text of Ctrl+C is "c"), so without this Ctrl+C would not interrupt. Runs after
 * JediTermFX's own filter, so Ctrl+C with a selection still copies, and Ctrl+Shift+C/V stay copy and paste.
 */
final class ControlKeys {
    private ControlKeys() {}

    static void install(Node keys, TerminalPanel panel) {
        keys.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed() || !e.isControlDown() || e.isShiftDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            int control = controlCharacter(e.getCode());
            if (control >= 0) {
                panel.getTerminalOutputStream().sendBytes(new byte[]{(byte) control}, true);
                e.consume();
            }
        });
    }

    /** The byte Ctrl+{@code key} stands for, or -1 for keys that have none. */
    static int controlCharacter(KeyCode key) {
        if (key.isLetterKey()) {
            return key.getChar().charAt(0) - 'A' + 1;
        }
        return switch (key) {
            case OPEN_BRACKET -> 0x1b;
            case BACK_SLASH -> 0x1c;
            case CLOSE_BRACKET -> 0x1d;
            default -> -1;
        };
    }
}
