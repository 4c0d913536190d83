package dev.berth.testkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection over a unix socket, written by hand so that tests see the exact bytes: several
 * requests on it (keep-alive), chunked request bodies, and raw reads and writes after a {@code 101}.
 * Reads and writes may run on different threads (the channel's own read/write, not the JDK stream adapters,
 * which serialise the two).
 */
public final class HttpConnection implements AutoCloseable {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    public HttpConnection(Path socket) throws IOException {
        channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        in = new java.io.BufferedInputStream(new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] b = new byte[1];
                return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return channel.read(ByteBuffer.wrap(b, off, len));
            }
        });
        out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
        };
    }

    /** Sends a request with a Content-Length body (or none) and reads the whole response. */
    public HttpResult exchange(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException {
        sendHead(method, path, headers, body == null ? null : (long) body.length, false);
        if (body != null) {
            out.write(body);
        }
        return readResponse(method.equals("HEAD"));
    }

    /**
     * Sends a request whose body goes out in chunks of the given sizes while the response is read, as a
     * streaming client does (a server echoing a large body would otherwise block on a client not reading).
     */
    public HttpResult exchangeChunked(String method, String path, Map<String, String> headers, List<byte[]> chunks)
            throws IOException {
        sendHead(method, path, headers, null, true);
        java.util.concurrent.CompletableFuture<Void> sent = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                for (byte[] c : chunks) {
                    out.write((Integer.toHexString(c.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(c);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                sent.complete(null);
            } catch (IOException e) {
                sent.completeExceptionally(e);
            }
        });
        HttpResult result = readResponse(false);
        try {
            sent.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("sending the chunked body failed", e);
        }
        return result;
    }

    /** Writes a request head only; the caller then uses {@link #readResponseHead()} and raw IO (hijack). */
    public void sendHead(String method, String path, Map<String, String> headers, Long contentLength, boolean chunked)
            throws IOException {
        StringBuilder sb = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        sb.append("Host: berthd\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        if (chunked) {
            sb.append("Transfer-Encoding: chunked\r\n");
        } else if (contentLength != null) {
            sb.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a full response (status, headers, body by length, chunks, or until close). */
    public HttpResult readResponse(boolean head) throws IOException {
        HttpResult h = readResponseHead();
        if (head || h.status() == 204 || h.status() == 304 || h.status() < 200) {
            return h;
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(h.header("transfer-encoding"))) {
            body = readChunked();
        } else if (h.header("content-length") != null) {
            body = in.readNBytes(Integer.parseInt(h.header("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new HttpResult(h.status(), h.reason(), h.headers(), body);
    }

    /** Reads the status line and headers only. */
    public HttpResult readResponseHead() throws IOException {
        String status = readLine();
        if (status == null) {
            throw new EOFException("connection closed before a response");
        }
        String[] parts = status.split(" ", 3);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        return new HttpResult(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", headers, new byte[0]);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The raw input (after a 101, the hijacked stream). */
    public InputStream in() {
        return in;
    }

    /** The raw output. */
    public OutputStream out() {
        return out;
    }

    /** Half-closes: the server reads EOF, we can still read. */
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
