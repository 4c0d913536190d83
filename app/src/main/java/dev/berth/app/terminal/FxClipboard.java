package dev.berth.app.terminal;

import com.techsenger.jeditermfx.ui.TerminalCopyPasteHandler;
import java.util.Map;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

/**
 * The terminal's copy and paste through JavaFX's clipboard. JediTermFX's own handler goes through AWT's, which
 * fails where AWT runs headless or has no display connection of its own, and needs AWT started in a JavaFX app just
 * for this. Called on the FX thread (key and menu handlers). The X11 "selection" clipboard is not kept separately.
 */
final class FxClipboard implements TerminalCopyPasteHandler {
    @Override
    public void setContents(String text, boolean useSystemSelectionClipboardIfAvailable) {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
    }

    @Override
    public String getContents(boolean useSystemSelectionClipboardIfAvailable) {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        return clipboard.hasString() ? clipboard.getString() : null;
    }
}
