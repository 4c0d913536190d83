package dev.berth.runtime.linux;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Linux signal names and numbers (x86_64/arm64 numbering), parsed the way `docker kill --signal` accepts them. */
public final class SignalNumbers {
    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;

    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
            Map.entry("TRAP", 5), Map.entry("ABRT", 6), Map.entry("IOT", 6), Map.entry("BUS", 7),
            Map.entry("FPE", 8), Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("SEGV", 11),
            Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15),
            Map.entry("STKFLT", 16), Map.entry("CHLD", 17), Map.entry("CONT", 18), Map.entry("STOP", 19),
            Map.entry("TSTP", 20), Map.entry("TTIN", 21), Map.entry("TTOU", 22), Map.entry("URG", 23),
            Map.entry("XCPU", 24), Map.entry("XFSZ", 25), Map.entry("VTALRM", 26), Map.entry("PROF", 27),
            Map.entry("WINCH", 28), Map.entry("IO", 29), Map.entry("POLL", 29), Map.entry("PWR", 30),
            Map.entry("SYS", 31));
    private static final int SIGRTMIN = 34;
    private static final int SIGRTMAX = 64;

    private SignalNumbers() {}

    /** Parses "SIGTERM", "term", "15" or "RTMIN+3"; empty when it names no signal. */
    public static Optional<Integer> parse(String signal) {
        if (signal == null || signal.isBlank()) {
            return Optional.empty();
        }
        String s = signal.trim().toUpperCase(Locale.ROOT);
        if (s.chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(s);
                return n >= 1 && n <= SIGRTMAX ? Optional.of(n) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (s.startsWith("SIG")) {
            s = s.substring(3);
        }
        Integer known = BY_NAME.get(s);
        if (known != null) {
            return Optional.of(known);
        }
        return realtime(s);
    }

    private static Optional<Integer> realtime(String s) {
        try {
            int n;
            if (s.equals("RTMIN")) {
                n = SIGRTMIN;
            } else if (s.equals("RTMAX")) {
                n = SIGRTMAX;
            } else if (s.startsWith("RTMIN+")) {
                n = SIGRTMIN + Integer.parseInt(s.substring(6));
            } else if (s.startsWith("RTMAX-")) {
                n = SIGRTMAX - Integer.parseInt(s.substring(6));
            } else {
                return Optional.empty();
            }
            return n >= SIGRTMIN && n <= SIGRTMAX ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
