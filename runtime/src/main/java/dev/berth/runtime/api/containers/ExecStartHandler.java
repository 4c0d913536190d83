package dev.berth.runtime.api.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.api.http.StructFields;
import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.api.http.Hijacked;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.container.exec.ExecConfig;
import dev.berth.runtime.container.exec.ExecInstance;
import dev.berth.runtime.container.exec.ExecService;
import dev.berth.runtime.container.monitor.AttachConnection;
import dev.berth.runtime.container.monitor.ExecSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /exec/{id}/start}: detached, a plain 204 once the process runs; otherwise the connection is
 * hijacked first (as moby does, so a failed start reaches the client as text on the stream plus exit code
 * 126/127), then the session's output is copied out (raw with a TTY, multiplexed without) until the process
 * has exited and its output drained, and the exit code is recorded before the connection closes, because the
 * CLI reads it with {@code GET /exec/{id}/json} right after.
 */
final class ExecStartHandler implements Handler {
    private static final long EXIT_WAIT_SECONDS = 30;
    private static final long BODY_WAIT_MILLIS = 300;
    private final ExecService execs;

    ExecStartHandler(ExecService execs) {
        this.execs = execs;
    }

    /** ExecStartCheck's fields, matched whatever their case. */
    private static final java.util.List<String> START_FIELDS = java.util.List.of("Detach", "Tty", "ConsoleSize");

    @Override
    public void handle(ApiRequest req, ApiResponse res) throws Exception {
        ExecInstance e = execs.claim(req.pathParam("id"));
        ExecConfig config = e.config();
        if (!req.wantsUpgrade()) {
            ObjectNode parsed = req.bodyJson(ObjectNode.class);
            ObjectNode body = StructFields.canonical(parsed == null ? ContainerRoutes.object() : parsed, START_FIELDS);
            if (body.path("Detach").asBoolean(false)) {
                execs.launch(e, height(body, config), width(body, config), false);
                res.status(204);
                return;
            }
            attached(req, res, e, body, null);
            return;
        }
        attached(req, res, e, null, req.header("Content-Length"));
    }

    /**
     * Runs the exec attached to a hijacked connection. On an upgrade request the connection reads nothing past
     * the request head until the hijack, so the start body is read afterwards: what the HTTP decoder had
     * already taken, then the rest from the raw stream, exactly Content-Length bytes in all.
     */
    private void attached(ApiRequest req, ApiResponse res, ExecInstance e, ObjectNode parsed, String contentLength)
            throws IOException {
        ExecConfig config = e.config();
        // The start request's Tty decides the framing (below); an upgrade's body comes only after the hijack, so its
        // header follows the exec's own setting, which every client sends alike.
        boolean tty = parsed != null ? parsed.path("Tty").asBoolean(false) : config.tty();
        boolean multiplexed = !tty && req.version().atLeast("1.42");
        int length = contentLength == null ? 0 : Integer.parseInt(contentLength.trim());
        byte[] decoded = parsed == null && length > 0 ? decodedPart(req, length) : new byte[0];
        try (Hijacked stream = res.hijack(
                multiplexed ? "application/vnd.docker.multiplexed-stream" : "application/vnd.docker.raw-stream")) {
            ObjectNode body = StructFields.canonical(parsed != null ? parsed
                    : startBody(decoded, stream.in().readNBytes(length - decoded.length)), START_FIELDS);
            // Framed unless the start request asks for a tty, whatever the exec was created with: dockerd decides by
            // the start request (create with Tty=true and start with Tty=false gives 8-byte frames).
            StreamFraming out = new StreamFraming(stream.out(), !body.path("Tty").asBoolean(false));
            boolean detach = body.path("Detach").asBoolean(false);
            ExecSession session;
            try {
                session = execs.launch(e, height(body, config), width(body, config), !detach);
            } catch (RuntimeException failure) {
                out.write(1, (failure.getMessage() + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                return;
            }
            if (detach) {
                return;
            }
            try (AttachConnection conn = session.attachment().orElseThrow()) {
                if (config.attachStdin()) {
                    byte[] keys = DetachKeys.parse(config.detachKeys());
                    Thread.ofVirtual().name("exec-stdin-" + e.id().substring(0, 12))
                            .start(() -> pumpStdin(stream, conn, keys));
                } else {
                    conn.closeStdin(); // the process reads EOF, as with docker exec without -i
                }
                out.copyFrom(conn, config.attachStdout(), config.attachStderr());
            }
            // Output drained: wait for the exit code so inspect has it when the client asks.
            if (!stream.isOpen()) {
                return; // detached with the detach keys: the process runs on
            }
            try {
                e.recordedExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // a lost conmon: the client sees no exit code; nothing to add on this stream
            }
        }
    }

    /**
     * The part of the body the HTTP decoder takes in: it hands the head to us first and the content a moment
     * later from the same read, so wait briefly for it; whatever stays behind arrives raw after the hijack.
     */
    private static byte[] decodedPart(ApiRequest req, int length) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BODY_WAIT_MILLIS);
        while (req.body().available() < length && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return req.body().readNBytes(Math.min(length, req.body().available()));
    }

    private static ObjectNode startBody(byte[] head, byte[] rest) {
        byte[] all = new byte[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        if (all.length == 0) {
            return ContainerRoutes.object();
        }
        try {
            return Json.MAPPER.readTree(all) instanceof ObjectNode o ? o : ContainerRoutes.object();
        } catch (IOException ex) {
            return ContainerRoutes.object(); // too late for a 400: the connection is hijacked; run with defaults
        }
    }

    private static int height(ObjectNode body, ExecConfig config) {
        int[] size = consoleSize(body);
        return size[0] > 0 ? size[0] : config.consoleHeight();
    }

    private static int width(ObjectNode body, ExecConfig config) {
        int[] size = consoleSize(body);
        return size[0] > 0 ? size[1] : config.consoleWidth();
    }

    /** {@code ConsoleSize: [height, width]}; zeros when absent. */
    static int[] consoleSize(ObjectNode body) {
        JsonNode n = body.get("ConsoleSize");
        if (n != null && n.isArray() && n.size() == 2) {
            return new int[]{n.get(0).asInt(0), n.get(1).asInt(0)};
        }
        return new int[]{0, 0};
    }

    /** Client input to the process; EOF closes the process's stdin, the detach keys end the stream only. */
    private static void pumpStdin(Hijacked stream, AttachConnection conn, byte[] detachKeys) {
        try {
            if (DetachingCopy.copy(stream.in(), conn::write, detachKeys)) {
                conn.close();
                stream.close();
            } else {
                conn.closeStdin();
            }
        } catch (IOException e) {
            // client went away
        }
    }
}
