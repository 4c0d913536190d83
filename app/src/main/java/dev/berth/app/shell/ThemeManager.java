package dev.berth.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.berth.app.settings.ThemeChoice;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;

/** Applies AtlantaFX Primer light or dark; with SYSTEM it follows the desktop's color scheme as it changes. */
final class ThemeManager {
    private ThemeChoice choice = ThemeChoice.SYSTEM;
    private final ChangeListener<ColorScheme> systemListener = (o, a, b) -> {
        if (choice == ThemeChoice.SYSTEM) {
            applyDark(b == ColorScheme.DARK);
        }
    };

    ThemeManager() {
        Platform.getPreferences().colorSchemeProperty().addListener(systemListener);
    }

    void apply(ThemeChoice c) {
        choice = c;
        applyDark(isDark());
    }

    boolean isDark() {
        return switch (choice) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
    }

    private static void applyDark(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
