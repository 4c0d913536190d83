package dev.berth.runtime.api.containers;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.api.system.TimeArg;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.monitor.LogLine;
import dev.berth.runtime.container.monitor.LogQuery;
import dev.berth.runtime.container.monitor.LogReader;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * {@code GET /containers/{id}/logs}: the container's log as conmon wrote it (it keeps logging while the
 * engine is down), framed like docker's, with follow, since, until, tail and timestamps.
 */
final class ContainersLogs implements Handler {
    private static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final ContainerServices containers;

    ContainersLogs(ContainerServices containers) {
        this.containers = containers;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) throws Exception {
        Container c = containers.store().resolve(req.pathParam("id"));
        if ("none".equals(c.hostConfigView().logDriver())) {
            // dockerd's answer for a driver that keeps nothing to read
            throw new InvalidArgumentException("configured logging driver does not support reading");
        }
        boolean stdout = req.queryBool("stdout", false);
        boolean stderr = req.queryBool("stderr", false);
        if (!stdout && !stderr) {
            throw new InvalidArgumentException("Bad parameters: you must choose at least one stream");
        }
        boolean timestamps = req.queryBool("timestamps", false);
        boolean follow = req.queryBool("follow", false);
        LogQuery query = new LogQuery(stdout, stderr, time(req.query("since")), time(req.query("until")),
                tail(req.query("tail")), follow);
        LogReader reader = new LogReader(() -> containers.logs().segments(c));
        boolean tty = c.configView().tty();
        try (OutputStream raw = res.stream(200,
                tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream")) {
            StreamFraming out = new StreamFraming(raw, !tty);
            raw.flush();
            if (follow && containers.store().resolve(c.id()).state().isRunning()) {
                reader.follow(query, line -> write(out, line, timestamps),
                        () -> containers.store().find(c.id()).map(x -> !x.state().isRunning()).orElse(true));
            } else {
                reader.read(query, line -> write(out, line, timestamps));
            }
        }
    }

    /** Writes one log line; false when the client went away. */
    private static boolean write(StreamFraming out, LogLine line, boolean timestamps) {
        try {
            byte[] prefix = timestamps ? (RFC3339_NANO.format(line.time()) + " ").getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            byte[] data = line.data();
            out.write(line.stream(), concat(prefix, data));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** since/until as docker reads them (unix seconds with fraction, RFC 3339, durations); 0 or absent means none. */
    static Instant time(String value) {
        Long nanos = TimeArg.parseNanos(value, Instant.now(), java.time.ZoneId.systemDefault());
        return nanos == null || nanos == 0 ? null : Instant.ofEpochSecond(0, nanos);
    }

    static int tail(String value) {
        if (value == null || value.isEmpty() || value.equals("all")) {
            return -1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid tail value: " + value);
        }
    }
}
