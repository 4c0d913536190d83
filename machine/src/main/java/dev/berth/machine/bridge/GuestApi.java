package dev.berth.machine.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The few Docker API calls the host side makes itself — ping, list and inspect containers, stop them before a power-off,
 * follow events for port forwards — as plain HTTP/1.1 over a {@link GuestConnector}, one connection per call.
 */
public final class GuestApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "guest-ping-timeout");
        t.setDaemon(true);
        return t;
    });

    private final GuestConnector connector;

    public GuestApi(GuestConnector connector) {
        this.connector = connector;
    }

    /** The answer to one request. */
    public record Response(int status, byte[] body) {
        public JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /**
     * {@code GET /_ping} answered 200 within two seconds. Bounded because QEMU's port forward accepts the connection at
     * once and then holds it while the guest's network is not up yet; an unbounded read would stall the boot's loop.
     */
    public boolean ping() {
        SocketChannel[] open = new SocketChannel[1];
        var closer = TIMER.schedule(() -> closeQuietly(open), PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try (SocketChannel ch = connector.connect()) {
            synchronized (open) {
                open[0] = ch;
            }
            InputStream in = send(ch, "GET", "/_ping");
            return status(in) == 200;
        } catch (IOException e) {
            return false;
        } finally {
            closer.cancel(false);
        }
    }

    private static void closeQuietly(SocketChannel[] open) {
        synchronized (open) {
            try {
                if (open[0] != null) {
                    open[0].close(); // unblocks the read with AsynchronousCloseException
                }
            } catch (IOException ignored) {
                // closing a socket that went away meanwhile
            }
        }
    }

    public Response call(String method, String path) throws IOException {
        try (SocketChannel ch = connector.connect()) {
            InputStream in = send(ch, method, path);
            int status = status(in);
            InputStream body = body(in, headers(in));
            return new Response(status, body.readAllBytes());
        }
    }

    /** Follows a streamed answer ({@code /events}) line by line until it ends or {@code onLine} throws. */
    public void stream(String path, Consumer<String> onLine) throws IOException {
        try (SocketChannel ch = connector.connect()) {
            InputStream in = send(ch, "GET", path);
            int status = status(in);
            InputStream body = body(in, headers(in));
            if (status != 200) {
                throw new IOException("GET " + path + " answered " + status + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = body.read()) >= 0;) {
                if (b == '\n') {
                    onLine.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
    }

    private static InputStream send(SocketChannel ch, String method, String path) throws IOException {
        String request = method + " " + path + " HTTP/1.1\r\nHost: berth\r\nUser-Agent: berth-machine\r\n"
                + (method.equals("POST") ? "Content-Length: 0\r\n" : "") + "Connection: close\r\n\r\n";
        ByteBuffer buf = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        return new BufferedInputStream(Channels.newInputStream(ch));
    }

    private static int status(InputStream in) throws IOException {
        String line = line(in);
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + line);
        }
        return Integer.parseInt(parts[1]);
    }

    /** Whether the body is chunked (else it runs to the end of the connection or its Content-Length). */
    private static long headers(InputStream in) throws IOException {
        long length = -1;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            }
        }
        return chunked ? -2 : length;
    }

    private static InputStream body(InputStream in, long framing) {
        if (framing == -2) {
            return new Chunked(in);
        }
        if (framing >= 0) {
            return new java.io.FilterInputStream(in) {
                private long left = framing;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    left--;
                    return super.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        }
        return in;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the engine closed the connection");
            }
            if (b != '\r') {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** An HTTP/1.1 chunked body as a plain stream. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                left = Long.parseLong(size.split(";")[0].strip(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the engine closed the connection mid-chunk");
            }
            if (--left == 0) {
                line(in);
            }
            return b;
        }
    }
}
