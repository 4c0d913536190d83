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
        super(80, 24, new Settings(dark));
    }

    /** A new widget in the current theme ({@code darkTheme} is read before the widget builds its default style). */
    static synchronized BerthTerminalWidget create(boolean darkTheme) {
        dark = darkTheme;
        BerthTerminalWidget w = new BerthTerminalWidget();
        // The pane shows around the character grid; give it the grid's background, not the theme's.
        w.getPane().setStyle("-fx-background-color: " + (darkTheme ? "#1e1e1e" : "#ffffff") + ";");
        return w;
    }

    /** Copy and paste through JavaFX's clipboard rather than AWT's (see {@link FxClipboard}). */
    @Override
    protected com.techsenger.jeditermfx.ui.TerminalPanel createTerminalPanel(
            com.techsenger.jeditermfx.ui.settings.SettingsProvider settings, StyleState styleState,
            com.techsenger.jeditermfx.core.model.TerminalTextBuffer buffer) {
        return new com.techsenger.jeditermfx.ui.TerminalPanel(settings, buffer, styleState) {
            @Override
            protected com.techsenger.jeditermfx.ui.TerminalCopyPasteHandler createCopyPasteHandler() {
                return new FxClipboard();
            }
        };
    }

    @Override
    protected StyleState createDefaultStyle() {
        StyleState state = new StyleState();
        state.setDefaultStyle(new TextStyle(foreground(dark), background(dark)));
        return state;
    }

    private static TerminalColor foreground(boolean darkTheme) {
        return darkTheme ? TerminalColor.rgb(0xd4, 0xd4, 0xd4) : TerminalColor.rgb(0x1f, 0x23, 0x28);
    }

    private static TerminalColor background(boolean darkTheme) {
        return darkTheme ? TerminalColor.rgb(0x1e, 0x1e, 0x1e) : TerminalColor.rgb(0xff, 0xff, 0xff);
    }

    /** Font and behaviour settings: copy does not happen on mere selection; paste and copy use the platform keys. */
    private static final class Settings extends DefaultSettingsProvider {
        private final boolean darkTheme;

        Settings(boolean darkTheme) {
            this.darkTheme = darkTheme;
        }

        /** The canvas is cleared with these, so empty cells match written ones. */
        @Override
        public TerminalColor getDefaultForeground() {
            return foreground(darkTheme);
        }

        @Override
        public TerminalColor getDefaultBackground() {
            return background(darkTheme);
        }

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
