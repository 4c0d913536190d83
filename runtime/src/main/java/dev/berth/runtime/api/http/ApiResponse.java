package dev.berth.runtime.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.berth.runtime.common.Json;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The response side of one exchange, written from the handler's thread: either one complete answer
 * ({@link #json}, {@link #text}, {@link #status}), a chunked stream ({@link #stream}, {@link #jsonStream}),
 * or a hijacked raw connection ({@link #hijack}). Exactly one of them, once.
 */
public final class ApiResponse {
    private final Channel channel;
    private final java.util.concurrent.CompletableFuture<Void> gone;
    private final ChannelWriter writer;
    private final ExchangeControl control;
    private final ServerIdentity identity;
    private final boolean keepAlive;
    private final boolean head;
    private final boolean upgradeRequested;
    private final List<Map.Entry<String, String>> extraHeaders = new ArrayList<>();
    private volatile boolean committed;
    private volatile int status;
    private ChunkedOutput openStream;
    private boolean hijacked;

    ApiResponse(Channel channel, java.util.concurrent.CompletableFuture<Void> gone, ChannelWriter writer,
            ExchangeControl control, ServerIdentity identity, boolean keepAlive, boolean head,
            boolean upgradeRequested) {
        this.channel = channel;
        this.gone = gone;
        this.writer = writer;
        this.control = control;
        this.identity = identity;
        this.keepAlive = keepAlive;
        this.head = head;
        this.upgradeRequested = upgradeRequested;
    }

    /** Adds a header to the response (before it is committed). */
    public void header(String name, String value) {
        ensureNotCommitted();
        extraHeaders.add(Map.entry(name, value));
    }

    /** A complete JSON answer, serialised with the engine's shared mapper. */
    public void json(int status, Object body) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise response body " + body.getClass().getName(), e);
        }
        full(status, "application/json", bytes);
    }

    /** An answer without body (204, 304, 201 ...). */
    public void status(int status) {
        full(status, null, new byte[0]);
    }

    /** A complete text answer. */
    public void text(int status, String contentType, String body) {
        full(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts a chunked response and returns its body: {@code flush()} sends what was written, {@code close()}
     * ends the response. Writes block while the client is slow, and fail with IOException once it went away.
     */
    public OutputStream stream(int status, String contentType) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        prepare(response.headers(), contentType);
        response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        commit(status);
        try {
            writer.write(response, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openStream = new ChunkedOutput(writer, () -> finishStream());
        return openStream;
    }

    /** A stream of JSON objects, one per line, each flushed as written (pull progress, events). */
    public JsonStream jsonStream(int status) {
        return new JsonStream(stream(status, "application/json"));
    }

    /**
     * Takes the connection over (attach, exec start). If the request asked to upgrade, answers
     * {@code 101 UPGRADED} with {@code Connection: Upgrade} and {@code Upgrade: tcp}; otherwise a 200 with no
     * length. Either way the rest of the connection is a raw pipe that the caller owns and must close.
     */
    public Hijacked hijack(String contentType) {
        ensureNotCommitted();
        commit(upgradeRequested ? 101 : 200);
        hijacked = true;
        // Exactly moby's bytes: no Content-Length, no chunking, and no other headers clients could trip on.
        String head = upgradeRequested
                ? "HTTP/1.1 101 UPGRADED\r\nContent-Type: " + contentType
                        + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n\r\n";
        try {
            return control.hijack(head.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the status line has been sent (or is on its way). */
    public boolean committed() {
        return committed;
    }

    /**
     * True once the client has gone (closed the connection, or ended its side outside a hijack): long-running
     * handlers (events, wait, stats) poll this to stop early.
     */
    public boolean clientGone() {
        return gone.isDone() || !channel.isActive();
    }

    /** Runs {@code action} (on an event-loop thread: keep it short) when the client has gone. */
    public void onClientGone(Runnable action) {
        gone.thenRun(action);
    }

    /** The status sent, 0 before commit. */
    int sentStatus() {
        return status;
    }

    boolean hijacked() {
        return hijacked;
    }

    /** Ends a stream the handler left open; called after the handler returned. */
    void finishOpenStream() throws IOException {
        if (openStream != null) {
            openStream.close();
        }
    }

    /** Gives up on the exchange: the connection is closed so that the client never mistakes a cut answer for a whole one. */
    void abort() {
        if (!hijacked) {
            channel.close();
        }
        control.responseDone();
    }

    private void full(int status, String contentType, byte[] body) {
        // 1xx, 204 and 304 never carry a body (RFC 9110); HEAD gets the length without the bytes.
        boolean bodyless = status == 204 || status == 304 || status < 200;
        byte[] content = bodyless ? new byte[0] : body;
        HttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(content));
        prepare(response.headers(), bodyless ? null : contentType);
        if (status != 204 && status != 304) {
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        }
        commit(status);
        try {
            ChannelFuture f = writer.write(response, true);
            ChannelWriter.await(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            control.responseDone();
        }
    }

    private void finishStream() throws IOException {
        try {
            ChannelWriter.await(writer.write(LastHttpContent.EMPTY_LAST_CONTENT, true));
        } finally {
            control.responseDone();
        }
    }

    private void prepare(HttpHeaders headers, String contentType) {
        headers.set("Api-Version", ApiVersion.MAX.toString());
        headers.set("Ostype", "linux");
        headers.set(HttpHeaderNames.SERVER, identity.serverHeader());
        headers.set("Docker-Experimental", "false");
        if (contentType != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        for (Map.Entry<String, String> h : extraHeaders) {
            headers.set(h.getKey(), h.getValue());
        }
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
    }

    private void commit(int status) {
        ensureNotCommitted();
        this.status = status;
        committed = true;
    }

    private void ensureNotCommitted() {
        if (committed) {
            throw new IllegalStateException("response already committed");
        }
    }
}
