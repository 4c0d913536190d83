package dev.berth.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A streaming POST (pull, push, build) on a connection of its own that Cancel closes from any thread, so the engine sees the
 * client leave and stops the work, as dockerd and berthd do. docker-java's unix transport reads with a native call
 * that neither an interrupt nor a close from another thread ends, and closing its response drains the stream to the
 * end: a pull "cancelled" through it went on in the engine and its image appeared later.
 */
final class CancellableStream {
    private CancellableStream() {}

    /** Whether {@code endpoint} is one this class can reach: a unix socket or plain TCP (TLS goes through docker-java). */
    static boolean supports(String endpoint, boolean tls) {
        return !tls && (endpoint.startsWith("unix://") || endpoint.startsWith("tcp://"));
    }

    /**
     * POSTs {@code pathAndQuery} with an {@code X-Registry-Auth} header and hands each JSON message of the streamed
     * answer to {@code onItem}. Returns when the stream ends; after {@link Cancellation#cancel()} it returns soon,
     * quietly. An error status is an {@link EngineException} with the engine's message.
     */
    static void post(String endpoint, String pathAndQuery, String registryAuth, Consumer<JsonNode> onItem,
            Cancellation cancel) {
        post(endpoint, pathAndQuery, Map.of("X-Registry-Auth", registryAuth), null, onItem, cancel);
    }

    /**
     * POSTs {@code pathAndQuery} with {@code headers} and, when {@code body} is not null, that body sent chunked from a
     * thread of its own (a build's context: the engine may answer before it has read all of it), then hands each
     * JSON message of the answer to {@code onItem}, as {@link #post(String, String, String, Consumer, Cancellation)}.
     */
    static void post(String endpoint, String pathAndQuery, Map<String, String> headers, InputStream body,
            Consumer<JsonNode> onItem, Cancellation cancel) {
        try (SocketChannel channel = open(endpoint)) {
            cancel.onCancel(() -> {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Closing is all we wanted.
                }
            });
            StringBuilder head = new StringBuilder(
                    "POST " + pathAndQuery + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: Berth\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append(body == null ? "Content-Length: 0\r\n" : "Transfer-Encoding: chunked\r\n")
                    .append("Connection: close\r\n\r\n");
            channel.write(ByteBuffer.wrap(head.toString().getBytes(StandardCharsets.US_ASCII)));
            if (body != null) {
                Thread.ofVirtual().name("berth-upload").start(() -> upload(channel, body));
            }
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            int status = statusOf(readLine(in));
            boolean chunked = false;
            for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
                String h = header.toLowerCase(Locale.ROOT);
                chunked |= h.startsWith("transfer-encoding:") && h.contains("chunked");
            }
            InputStream answer = chunked ? new ChunkedBody(in) : in;
            if (status >= 400) {
                String text = new String(answer.readAllBytes(), StandardCharsets.UTF_8);
                throw new EngineException(EngineErrors.engineMessage(text.isBlank() ? "HTTP " + status : text), status,
                        null);
            }
            readMessages(answer, onItem);
        } catch (IOException e) {
            if (!cancel.isCancelled()) {
                throw EngineErrors.translate(e, endpoint);
            }
        }
    }

    /** Sends {@code body} as HTTP chunks; a connection the engine or Cancel closed ends it quietly. */
    private static void upload(SocketChannel channel, InputStream body) {
        byte[] buf = new byte[256 * 1024];
        try (body) {
            for (int n; (n = body.read(buf)) > 0;) {
                ByteBuffer frame = ByteBuffer.allocate(n + 16);
                frame.put((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII)).put(buf, 0, n)
                        .put("\r\n".getBytes(StandardCharsets.US_ASCII)).flip();
                while (frame.hasRemaining()) {
                    channel.write(frame);
                }
            }
            ByteBuffer end = ByteBuffer.wrap("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            while (end.hasRemaining()) {
                channel.write(end);
            }
        } catch (IOException e) {
            // The engine answered (an error) or the build was cancelled: the answer says which.
        }
    }

    private static SocketChannel open(String endpoint) throws IOException {
        if (endpoint.startsWith("unix://")) {
            return SocketChannel.open(UnixDomainSocketAddress.of(endpoint.substring("unix://".length())));
        }
        URI uri = URI.create(endpoint);
        return SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()));
    }

    /** Newline-separated JSON messages; a partial last line waits for the rest. */
    private static void readMessages(InputStream body, Consumer<JsonNode> onItem) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = body.read(buf)) >= 0;) {
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    emit(line, onItem);
                } else {
                    line.write(buf[i]);
                }
            }
        }
        emit(line, onItem);
    }

    private static void emit(ByteArrayOutputStream line, Consumer<JsonNode> onItem) throws IOException {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (!text.isEmpty()) {
            onItem.accept(RawApi.JSON.readTree(text));
        }
    }

    private static int statusOf(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP answer: " + statusLine, e);
        }
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the engine closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** An HTTP/1.1 chunked body as a plain stream. */
    static final class ChunkedBody extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        ChunkedBody(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = readLine(in);
                int semi = size.indexOf(';');
                try {
                    left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("not a chunk size: " + size, e);
                }
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("the engine closed the connection mid-chunk");
            }
            left -= n;
            if (left == 0) {
                readLine(in);
            }
            return n;
        }
    }
}
