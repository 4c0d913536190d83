package dev.berth.runtime.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The resource limits this process runs under, read from /proc/self/limits. A container may not get a
 * hard limit above ours (the kernel refuses setrlimit and runc then fails the whole create).
 */
public final class ProcessLimits {
    private static final Path SELF = Path.of("/proc/self/limits");

    private ProcessLimits() {}

    /** The hard limit of {@code resource} (e.g. "Max open files"); empty when unlimited or unknown. */
    public static OptionalLong hardLimit(String resource) {
        try {
            return hardLimit(Files.readAllLines(SELF), resource);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Parses the hard limit of {@code resource} from the lines of a /proc/PID/limits file. */
    static OptionalLong hardLimit(List<String> limitsFile, String resource) {
        String wanted = resource.toLowerCase(Locale.ROOT);
        for (String line : limitsFile) {
            if (!line.toLowerCase(Locale.ROOT).startsWith(wanted + " ")) {
                continue;
            }
            // Columns: name (with spaces), soft, hard, units; the name is padded to a fixed width.
            String[] fields = line.substring(resource.length()).trim().split("\\s+");
            if (fields.length < 2 || fields[1].equals("unlimited")) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Long.parseLong(fields[1]));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** The name /proc/PID/limits uses for an RLIMIT_* resource type like "RLIMIT_NOFILE"; empty when unknown. */
    public static String procName(String rlimitType) {
        return switch (rlimitType) {
            case "RLIMIT_CPU" -> "Max cpu time";
            case "RLIMIT_FSIZE" -> "Max file size";
            case "RLIMIT_DATA" -> "Max data size";
            case "RLIMIT_STACK" -> "Max stack size";
            case "RLIMIT_CORE" -> "Max core file size";
            case "RLIMIT_RSS" -> "Max resident set";
            case "RLIMIT_NPROC" -> "Max processes";
            case "RLIMIT_NOFILE" -> "Max open files";
            case "RLIMIT_MEMLOCK" -> "Max locked memory";
            case "RLIMIT_AS" -> "Max address space";
            case "RLIMIT_LOCKS" -> "Max file locks";
            case "RLIMIT_SIGPENDING" -> "Max pending signals";
            case "RLIMIT_MSGQUEUE" -> "Max msgqueue size";
            case "RLIMIT_NICE" -> "Max nice priority";
            case "RLIMIT_RTPRIO" -> "Max realtime priority";
            case "RLIMIT_RTTIME" -> "Max realtime timeout";
            default -> "";
        };
    }
}
