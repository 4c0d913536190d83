package dev.berth.app.terminal;

import dev.berth.app.engine.ExecSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.InputMethodRequests;

/**
 * Lets an input method (Korean, Japanese, Chinese IMEs) type into a terminal: JediTermFX reads key events only, so
 * composed text that an IME commits would be lost. The node asks for IME input and sends committed text to the
 * session as UTF-8; composition in progress is left to the IME's own window.
 */
final class ImeInput {
    private ImeInput() {}

    static void install(Node keys, ExecSession session) {
        keys.setInputMethodRequests(new InputMethodRequests() {
            @Override
            public Point2D getTextLocation(int offset) {
                var b = keys.localToScreen(keys.getBoundsInLocal());
                return b == null ? new Point2D(0, 0) : new Point2D(b.getMinX(), b.getMaxY());
            }

            @Override
            public int getLocationOffset(int x, int y) {
                return 0;
            }

            @Override
            public void cancelLatestCommittedText() {
                // A terminal has already sent it; nothing to take back.
            }

            @Override
            public String getSelectedText() {
                return "";
            }
        });
        keys.setOnInputMethodTextChanged(e -> {
            String committed = e.getCommitted();
            if (committed != null && !committed.isEmpty() && session.isOpen()) {
                try {
                    session.input().write(committed.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ended) {
                    // The session ended while the IME was composing; the tab already says so.
                }
            }
        });
    }
}
