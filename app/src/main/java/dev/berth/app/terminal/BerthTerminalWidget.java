package dev.berth.app.terminal;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import javafx.scene.text.Font;

/**
 * JediTermFX's widget with Berth's look: light or dark default colors to match the app theme, and a monospace
 * font whose fallback chain covers Hangul (JavaFX falls back per glyph to a system font that has it).
 */
final class BerthTerminalWidget extends JediTermFxWidget {
    private static boolean dark;

    private BerthTerminalWidget() {
        super(80, 24, new Settings());
    }

    /** A new widget in the current theme ({@code darkTheme} is read before the widget builds its default style). */
    static synchronized BerthTerminalWidget create(boolean darkTheme) {
        dark = darkTheme;
        BerthTerminalWidget w = new BerthTerminalWidget();
        // The pane shows around the character grid; give it the grid's background, not the theme's.
        w.getPane().setStyle("-fx-background-color: " + (darkTheme ? "#1e1e1e" : "#ffffff") + ";");
        return w;
    }

    @Override
    protected StyleState createDefaultStyle() {
        StyleState state = new StyleState();
        state.setDefaultStyle(dark ? new TextStyle(TerminalColor.rgb(0xd4, 0xd4, 0xd4), TerminalColor.rgb(0x1e, 0x1e, 0x1e))
                : new TextStyle(TerminalColor.rgb(0x1f, 0x23, 0x28), TerminalColor.rgb(0xff, 0xff, 0xff)));
        return state;
    }

    /** Font and behaviour settings: copy does not happen on mere selection; paste and copy use the platform keys. */
    private static final class Settings extends DefaultSettingsProvider {
        @Override
        public Font getTerminalFont() {
            return Font.font("Monospaced", getTerminalFontSize());
        }

        @Override
        public float getTerminalFontSize() {
            return 14;
        }

        @Override
        public boolean copyOnSelect() {
            return false;
        }
    }
}
