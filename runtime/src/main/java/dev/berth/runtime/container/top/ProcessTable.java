package dev.berth.runtime.container.top;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code docker top}'s table for a set of host pids, built from /proc in the columns of {@code ps -ef}. */
public final class ProcessTable {
    /** Titles and rows, as {@code GET /containers/{id}/top} returns them. */
    public record Table(List<String> titles, List<List<String>> processes) {}

    public static final List<String> TITLES = List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
    private static final long TICKS_PER_SECOND = 100;

    private final Path proc;
    private final Map<Long, String> userNames;

    public ProcessTable(Path proc, Path passwd) {
        this.proc = proc;
        this.userNames = users(passwd);
    }

    public static ProcessTable forHost() {
        return new ProcessTable(Path.of("/proc"), Path.of("/etc/passwd"));
    }

    /** One row per pid that still exists (a process may exit between listing and reading). */
    public Table table(List<Long> pids) {
        long bootEpoch = bootTimeEpochSeconds();
        double uptime = uptimeSeconds();
        List<List<String>> rows = new ArrayList<>();
        for (long pid : pids) {
            List<String> row = row(pid, bootEpoch, uptime);
            if (row != null) {
                rows.add(row);
            }
        }
        return new Table(TITLES, rows);
    }

    private List<String> row(long pid, long bootEpoch, double uptime) {
        Path dir = proc.resolve(Long.toString(pid));
        String stat = first(dir.resolve("stat"));
        if (stat == null) {
            return null;
        }
        // The command name is in parentheses and may hold spaces: split after the last ')'.
        int close = stat.lastIndexOf(')');
        String comm = stat.substring(stat.indexOf('(') + 1, close);
        String[] f = stat.substring(close + 2).split(" ");
        long ppid = Long.parseLong(f[1]);
        int ttyNr = Integer.parseInt(f[4]);
        long cpuTicks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        long startTicks = Long.parseLong(f[19]);
        double startSec = (double) startTicks / TICKS_PER_SECOND;
        double elapsed = uptime - startSec;
        long c = elapsed > 0 ? (long) (cpuTicks / (double) TICKS_PER_SECOND * 100 / elapsed) : 0;
        String uid = uid(dir.resolve("status"));
        return List.of(userName(uid), Long.toString(pid), Long.toString(ppid), Long.toString(c),
                stime(bootEpoch + (long) startSec), tty(ttyNr), time(cpuTicks / TICKS_PER_SECOND), cmd(dir, comm));
    }

    private String userName(String uid) {
        try {
            return userNames.getOrDefault(Long.parseLong(uid), uid);
        } catch (NumberFormatException e) {
            return uid;
        }
    }

    private static String uid(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) {
                    return line.substring(4).trim().split("\\s+")[0];
                }
            }
        } catch (IOException e) {
            // exited meanwhile
        }
        return "?";
    }

    /** Like ps: HH:MM for processes started today, otherwise the month and day. */
    static String stime(long epochSeconds) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSeconds).atZone(ZoneId.systemDefault());
        if (t.toLocalDate().equals(LocalDate.now(ZoneId.systemDefault()))) {
            return t.format(DateTimeFormatter.ofPattern("HH:mm"));
        }
        return t.format(DateTimeFormatter.ofPattern("MMMdd", Locale.ROOT));
    }

    /** Like ps: [DD-]HH:MM:SS of CPU time. */
    static String time(long seconds) {
        long days = seconds / 86400;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        return days > 0 ? days + "-" + hms : hms;
    }

    /** The terminal from stat's tty_nr: pts/N for the pty majors (136-143), ttyN for the console major 4. */
    static String tty(int ttyNr) {
        if (ttyNr == 0) {
            return "?";
        }
        int major = (ttyNr >> 8) & 0xfff;
        int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
        if (major >= 136 && major <= 143) {
            return "pts/" + ((major - 136) * 256 + minor);
        }
        return major == 4 ? "tty" + minor : "?";
    }

    private static String cmd(Path dir, String comm) {
        try {
            byte[] raw = Files.readAllBytes(dir.resolve("cmdline"));
            String s = new String(raw, StandardCharsets.UTF_8);
            while (s.endsWith("\0")) {
                s = s.substring(0, s.length() - 1);
            }
            return s.isEmpty() ? "[" + comm + "]" : s.replace('\0', ' ');
        } catch (IOException e) {
            return "[" + comm + "]";
        }
    }

    private long bootTimeEpochSeconds() {
        try {
            for (String line : Files.readAllLines(proc.resolve("stat"))) {
                if (line.startsWith("btime ")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return Instant.now().getEpochSecond() - (long) uptimeSeconds();
    }

    private double uptimeSeconds() {
        String line = first(proc.resolve("uptime"));
        return line == null ? 0 : Double.parseDouble(line.split("\\s+")[0]);
    }

    private static String first(Path file) {
        try {
            List<String> l = Files.readAllLines(file);
            return l.isEmpty() ? null : l.get(0);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<Long, String> users(Path passwd) {
        Map<Long, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(passwd)) {
                String[] f = line.split(":");
                if (f.length > 2) {
                    try {
                        out.put(Long.parseLong(f[2]), f[0]);
                    } catch (NumberFormatException ignored) {
                        // a malformed line names nobody
                    }
                }
            }
        } catch (IOException e) {
            // no names: numeric uids
        }
        return out;
    }
}
