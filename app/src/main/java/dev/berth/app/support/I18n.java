package dev.berth.app.support;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The app's translations ({@code dev/berth/app/messages*.properties}, UTF-8) in the chosen language. */
public final class I18n {
    private static final String BUNDLE = "dev.berth.app.messages";
    private static volatile Locale locale = Locale.getDefault();
    private static volatile ResourceBundle bundle = load(locale);

    private I18n() {}

    /** Switches the language for text looked up from now on. */
    public static void setLocale(Locale newLocale) {
        locale = newLocale;
        bundle = load(newLocale);
    }

    public static Locale locale() {
        return locale;
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private static ResourceBundle load(Locale l) {
        // Fall back to the English base bundle, not the JVM's default locale, when a language is missing.
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
