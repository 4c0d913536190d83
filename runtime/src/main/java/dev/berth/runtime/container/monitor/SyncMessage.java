package dev.berth.runtime.container.monitor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line conmon writes on a sync or attach pipe: {@code {"data": N}} or {@code {"data": N, "message": "..."}}.
 * For create, N is the container pid or negative on failure; for exec, first the pid then the exit code.
 * Parsed with patterns rather than a JSON parser because older conmons do not escape the runtime's message.
 */
public record SyncMessage(int data, String message) {
    private static final Pattern DATA = Pattern.compile("\"(?:data|pid|exit_code)\"\\s*:\\s*(-?\\d+)");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"(.*)\"\\s*}\\s*$", Pattern.DOTALL);

    /** Parses one line; throws IllegalArgumentException when it is not a conmon message. */
    public static SyncMessage parse(String line) {
        Matcher d = DATA.matcher(line);
        if (!d.find()) {
            throw new IllegalArgumentException("not a conmon sync message: " + line);
        }
        Matcher m = MESSAGE.matcher(line.strip());
        String message = m.find() ? unescape(m.group(1)) : "";
        return new SyncMessage(Integer.parseInt(d.group(1)), message);
    }

    /** Negative data means the runtime failed. */
    public boolean failed() {
        return data < 0;
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"").replace("\\\\", "\\").strip();
    }
}
