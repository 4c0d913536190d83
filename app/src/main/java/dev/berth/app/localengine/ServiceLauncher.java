package dev.berth.app.localengine;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts and stops berthd through its installed systemd unit ({@code installer/linux/install-service}), so a
 * person who is not root starts the engine without a password prompt: the unit runs berthd as root, and the
 * polkit rule lets members of the {@code berth} group start, stop and restart just that unit.
 */
public final class ServiceLauncher implements EngineLauncher {
    /** The unit {@code installer/linux/install-service} installs. */
    public static final String UNIT = "berthd.service";

    private static final int LOG_TAIL = 15;
    private static final Duration SHORT = Duration.ofSeconds(20);
    private static final Duration STOP = Duration.ofSeconds(90);
    private static final long ACTIVE_CHECK_NANOS = 1_000_000_000L;

    private final List<String> prefix;
    private final String unit;
    private volatile Instant startedAt = Instant.now();

    /**
     * @param prefix what runs before {@code systemctl}/{@code journalctl}: empty on a desktop; a test puts
     *               {@code nsenter …} there to reach a systemd of its own
     */
    public ServiceLauncher(List<String> prefix, String unit) {
        this.prefix = List.copyOf(prefix);
        this.unit = unit;
    }

    public ServiceLauncher() {
        this(List.of(), UNIT);
    }

    @Override
    public Mode mode() {
        return Mode.SERVICE;
    }

    @Override
    public Launch launch() throws IOException {
        startedAt = Instant.now();
        HostCommand start = HostCommand.start(command("systemctl", "start", unit));
        long[] lastCheck = {0};
        return () -> {
            if (start.running()) {
                return Optional.empty();
            }
            HostCommand.Result r = start.await(SHORT);
            if (!r.ok()) {
                return Optional.of(explainRefusal(r));
            }
            // systemctl returns once berthd is exec'd; whether it then stays up only the unit's state tells.
            if (System.nanoTime() - lastCheck[0] < ACTIVE_CHECK_NANOS) {
                return Optional.empty();
            }
            lastCheck[0] = System.nanoTime();
            return unitFailure();
        };
    }

    /** Whether the unit has already given up (failed, inactive) or is being restarted after berthd exited. */
    private Optional<String> unitFailure() {
        Map<String, String> state = new HashMap<>();
        for (String line : HostCommand.run(command("systemctl", "show", unit, "-p", "ActiveState", "-p",
                "SubState"), SHORT).output().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                state.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        String active = state.getOrDefault("ActiveState", "");
        if (active.equals("failed") || active.equals("inactive")) {
            return Optional.of("The " + unit + " service stopped before the engine answered (" + active + ").");
        }
        // Restart=on-failure would start a berthd that cannot run again and again; the first exit is the answer.
        if (state.getOrDefault("SubState", "").equals("auto-restart")) {
            return Optional.of("The engine exited before it answered; systemd is restarting " + unit + ".");
        }
        return Optional.empty();
    }

    /** {@code systemctl stop}: stops the engine whoever started the service. */
    @Override
    public Optional<String> stop() {
        HostCommand.Result r = HostCommand.run(command("systemctl", "stop", unit), STOP);
        return r.ok() ? Optional.empty() : Optional.of(explainRefusal(r));
    }

    @Override
    public String logLocation() {
        return "journalctl -u " + unit;
    }

    /** The journal's lines since the latest start; where the journal is not readable, {@code systemctl status}. */
    @Override
    public List<String> lastLogLines() {
        HostCommand.Result journal = HostCommand.run(command("journalctl", "-u", unit, "-o", "cat", "--no-pager",
                "-n", String.valueOf(LOG_TAIL), "--since", "@" + startedAt.getEpochSecond()), SHORT);
        List<String> lines = meaningful(journal);
        if (!journal.ok() || lines.isEmpty()) {
            lines = meaningful(HostCommand.run(command("systemctl", "status", unit, "--no-pager", "-l", "-n",
                    String.valueOf(LOG_TAIL)), SHORT));
        }
        return lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size());
    }

    private static List<String> meaningful(HostCommand.Result r) {
        List<String> lines = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            // journalctl's hints and empty markers say nothing about the engine.
            if (!line.isBlank() && !line.startsWith("Hint:") && !line.startsWith("-- No entries --")) {
                lines.add(line.stripTrailing());
            }
        }
        return lines;
    }

    /** systemctl's own first line, plus what to do when polkit said no. */
    private String explainRefusal(HostCommand.Result r) {
        String first = r.firstLine().isEmpty() ? "systemctl exited with status " + r.exit() : r.firstLine();
        boolean denied = r.output().contains("Access denied") || r.output().contains("authentication required")
                || r.output().contains("Interactive authentication");
        return denied ? first + " — members of the berth group may start and stop the engine "
                + "(sudo installer/linux/install-service --user $USER, then log in again)." : first;
    }

    private List<String> command(String... args) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(args));
        return all;
    }
}
