package dev.berth.runtime.daemon;

import java.util.Locale;
import java.util.logging.Level;

/** dockerd's log levels and the JUL levels they map to. */
public enum LogLevel {
    DEBUG(Level.FINE), INFO(Level.INFO), WARN(Level.WARNING), ERROR(Level.SEVERE), FATAL(Level.SEVERE);

    private final Level jul;

    LogLevel(Level jul) {
        this.jul = jul;
    }

    public Level jul() {
        return jul;
    }

    /** Parses "debug", "info", "warn", "error" or "fatal" ("warning" too, as logrus accepts it). */
    public static LogLevel parse(String text) throws StartupException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("warning")) {
            return WARN;
        }
        for (LogLevel l : values()) {
            if (l.name().toLowerCase(Locale.ROOT).equals(t)) {
                return l;
            }
        }
        throw new StartupException("invalid log level '" + text + "': use debug, info, warn, error or fatal", 2, null);
    }
}
