package dev.berth.app.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A log stream read straight off the engine's HTTP answer on a virtual thread: the multiplexed frames (an 8-byte
 * header: stream, three zero bytes, the length) split into stdout and stderr lines, or the raw bytes of a service
 * whose tasks have a TTY. {@link Engine.Subscription#close()} closes the answer, which ends the read.
 */
final class ServiceLogStream {
    private ServiceLogStream() {}

    static Engine.Subscription start(DockerHttpClient http, String endpoint, String path, Consumer<LogLine> onLine,
            Consumer<EngineException> onEnd) {
        AtomicBoolean closedByUs = new AtomicBoolean();
        DockerHttpClient.Response response;
        try {
            response = http.execute(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                    .path(path).build());
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
        if (response.getStatusCode() >= 400) {
            try (response; InputStream body = response.getBody()) {
                String text = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                throw new EngineException(EngineErrors.engineMessage(text), response.getStatusCode(), null);
            } catch (IOException e) {
                throw EngineErrors.translate(e, endpoint);
            }
        }
        Thread.ofVirtual().name("service-logs").start(() -> {
            LineSplitter out = new LineSplitter(LogLine.Stream.STDOUT, onLine);
            LineSplitter err = new LineSplitter(LogLine.Stream.STDERR, onLine);
            EngineException failure = null;
            try (response; InputStream body = response.getBody()) {
                read(body, out, err);
            } catch (IOException | RuntimeException e) {
                if (!closedByUs.get()) {
                    failure = EngineErrors.translate(e, endpoint);
                }
            }
            out.flush();
            err.flush();
            onEnd.accept(failure);
        });
        return () -> {
            if (closedByUs.compareAndSet(false, true)) {
                response.close(); // the reading thread ends with it
            }
        };
    }

    private static void read(InputStream body, LineSplitter out, LineSplitter err) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(body));
        byte[] header = new byte[8];
        while (true) {
            int first = in.read();
            if (first < 0) {
                return;
            }
            header[0] = (byte) first;
            try {
                in.readFully(header, 1, 7);
            } catch (EOFException e) {
                out.accept(java.util.Arrays.copyOf(header, 1 + Math.max(0, in.available())));
                return;
            }
            if (first > 2 || header[1] != 0 || header[2] != 0 || header[3] != 0) {
                // A TTY: no frames, the bytes are the log.
                out.accept(header);
                in.transferTo(new LineSink(out));
                return;
            }
            int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            byte[] payload = new byte[length];
            in.readFully(payload);
            (first == 2 ? err : out).accept(payload);
        }
    }

    /** Bytes written here become lines of one stream. */
    private static final class LineSink extends java.io.OutputStream {
        private final LineSplitter lines;

        LineSink(LineSplitter lines) {
            this.lines = lines;
        }

        @Override
        public void write(int b) {
            lines.accept(new byte[]{(byte) b});
        }

        @Override
        public void write(byte[] b, int off, int len) {
            lines.accept(java.util.Arrays.copyOfRange(b, off, off + len));
        }
    }
}
