package dev.berth.app.settings;

import java.util.Locale;

/** The app's languages; SYSTEM picks the desktop's when we have it, else English. */
public enum LanguageChoice {
    SYSTEM(null), ENGLISH(Locale.ENGLISH), KOREAN(Locale.KOREAN);

    private final Locale locale;

    LanguageChoice(Locale locale) {
        this.locale = locale;
    }

    /** The locale to load texts for, given the desktop's. */
    public Locale locale(Locale system) {
        if (locale != null) {
            return locale;
        }
        return system.getLanguage().equals("ko") ? Locale.KOREAN : Locale.ENGLISH;
    }
}
