package dev.berth.runtime.daemon;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/** Routes System.Logger/JUL (and Netty, which falls back to JUL) to stderr, one compact line per record. */
public final class LogSetup {
    /** Held strongly: JUL keeps loggers weakly, and a collected logger would forget its level. */
    private static final Logger BERTH = Logger.getLogger("berth");
    /** Loggers named after berthd's classes. */
    private static final Logger BERTH_CLASSES = Logger.getLogger("dev.berth");

    private LogSetup() {}

    /** Replaces the root handlers with a stderr handler at {@code level}. */
    public static void configure(LogLevel level) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        StreamHandler stderr = new StreamHandler(System.err, new OneLine()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush(); // a daemon's log must be current when it dies
            }
        };
        stderr.setLevel(level.jul());
        root.addHandler(stderr);
        // Debug output is berthd's own; the JDK and Netty are chatty at FINE about their internals.
        Level others = level.jul().intValue() < Level.INFO.intValue() ? Level.INFO : level.jul();
        root.setLevel(others);
        BERTH.setLevel(level.jul());
        BERTH_CLASSES.setLevel(level.jul());
    }

    /** {@code 2025-01-02T03:04:05.678Z INFO  berth.api: message}, then the stack trace if there is one. */
    static final class OneLine extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);

        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(128)
                    .append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ')
                    .append(String.format("%-5s", name(r.getLevel()))).append(' ')
                    .append(r.getLoggerName()).append(": ")
                    .append(formatMessage(r)).append('\n');
            if (r.getThrown() != null) {
                StringWriter sw = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(sw));
                sb.append(sw);
            }
            return sb.toString();
        }

        private static String name(Level l) {
            int v = l.intValue();
            if (v >= Level.SEVERE.intValue()) {
                return "ERROR";
            }
            if (v >= Level.WARNING.intValue()) {
                return "WARN";
            }
            if (v >= Level.INFO.intValue()) {
                return "INFO";
            }
            return "DEBUG";
        }
    }
}
