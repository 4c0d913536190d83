package dev.berth.runtime.api.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client connection: decodes requests one at a time (keep-alive), hands each to a virtual thread,
 * feeds its body with backpressure, and switches to a raw pipe when a handler hijacks the connection.
 * All fields are touched on the channel's event loop only, except where noted.
 */
final class ApiConnection extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger("berth.api");

    private final Dispatcher dispatcher;
    private final ServerIdentity identity;
    private Channel channel;
    private ChannelWriter writer;
    private Exchange current;
    /** Requests that arrived while one was still being answered (pipelining), replayed in order. */
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private InboundStream raw;
    private boolean inputShutdown;
    /** Done when the client has gone: closed the connection, or ended its side outside a hijack. */
    private final CompletableFuture<Void> clientGone = new CompletableFuture<>();

    /** The state of the request being answered. */
    private final class Exchange implements ExchangeControl {
        final InboundStream body;
        final boolean keepAlive;
        boolean requestDone;
        boolean responseDone;
        final AtomicBoolean doneReported = new AtomicBoolean();

        Exchange(InboundStream body, boolean keepAlive) {
            this.body = body;
            this.keepAlive = keepAlive;
        }

        @Override
        public void responseDone() {
            if (doneReported.compareAndSet(false, true)) {
                try {
                    channel.eventLoop().execute(() -> onResponseDone(this));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // The server is shutting down and the event loop is gone; so is the connection.
                }
            }
        }

        @Override
        public Hijacked hijack(byte[] head) throws IOException {
            doneReported.set(true);
            CompletableFuture<Hijacked> result = new CompletableFuture<>();
            channel.eventLoop().execute(() -> {
                try {
                    result.complete(startHijack(this, head));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while hijacking");
            } catch (ExecutionException e) {
                throw new IOException("cannot hijack the connection", e.getCause());
            }
        }
    }

    ApiConnection(Dispatcher dispatcher, ServerIdentity identity) {
        this.dispatcher = dispatcher;
        this.identity = identity;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        writer = new ChannelWriter(channel);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (raw != null) {
            if (msg instanceof ByteBuf buf) {
                raw.offer(buf);
            } else {
                ReferenceCountUtil.release(msg);
            }
            return;
        }
        if ((current != null && msg instanceof HttpRequest) || !pending.isEmpty()) {
            pending.add(msg);
            channel.config().setAutoRead(false);
            return;
        }
        process(msg);
    }

    private void process(Object msg) {
        if (msg instanceof HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                rejectMalformed(request);
                return;
            }
            startExchange(request);
        }
        if (msg instanceof HttpContent content) {
            Exchange ex = current;
            if (ex == null || ex.requestDone) {
                content.release();
                return;
            }
            ex.body.offer(content.content());
            if (content instanceof LastHttpContent) {
                ex.requestDone = true;
                ex.body.end();
                maybeFinish();
            }
        } else if (!(msg instanceof HttpRequest)) {
            ReferenceCountUtil.release(msg);
        }
    }

    private void startExchange(HttpRequest request) {
        RequestHeadDeadline deadline = channel.pipeline().get(RequestHeadDeadline.class);
        if (deadline != null) {
            deadline.headArrived();
        }
        boolean upgrade = request.headers().contains(HttpHeaderNames.UPGRADE);
        Exchange ex = new Exchange(new InboundStream(channel), HttpUtil.isKeepAlive(request) && !inputShutdown);
        current = ex;
        if (upgrade) {
            // Bytes after an upgrade request belong to the raw stream, not to a next request: read no more
            // until the handler either hijacks or answers normally.
            channel.config().setAutoRead(false);
        }
        ApiResponse res = new ApiResponse(channel, clientGone, writer, ex, identity, ex.keepAlive,
                request.method().equals(HttpMethod.HEAD), upgrade);
        Thread.ofVirtual().name("api-" + request.method() + "-" + request.uri())
                .start(() -> dispatcher.dispatch(request, ex.body, res));
    }

    private void onResponseDone(Exchange ex) {
        ex.responseDone = true;
        if (!ex.requestDone) {
            // The handler is done without reading the whole body: drop the rest as it arrives.
            ex.body.discard();
        }
        if (!ex.keepAlive) {
            // Close once the answer has reached the socket (writes queued earlier complete first).
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        maybeFinish();
    }

    private void maybeFinish() {
        Exchange ex = current;
        if (ex == null || !ex.requestDone || !ex.responseDone) {
            return;
        }
        current = null;
        RequestHeadDeadline deadline = channel.pipeline().get(RequestHeadDeadline.class);
        if (deadline != null) {
            deadline.exchangeDone();
        }
        if (!ex.keepAlive || inputShutdown) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        channel.config().setAutoRead(true);
        // Replay what arrived meanwhile: the next request and its body, up to a request after that.
        while (!pending.isEmpty() && !(current != null && pending.peek() instanceof HttpRequest)) {
            process(pending.poll());
        }
        if (!pending.isEmpty()) {
            channel.config().setAutoRead(false);
        }
    }

    private Hijacked startHijack(Exchange ex, byte[] head) {
        if (!channel.isActive()) {
            throw new IllegalStateException("client went away before the upgrade");
        }
        current = null;
        raw = new InboundStream(channel);
        Hijacked hijacked = new Hijacked(channel, raw, writer);
        // Removing the codec hands bytes it had already buffered to us, now as raw bytes.
        channel.pipeline().remove(HttpServerCodec.class);
        if (channel.pipeline().get(RequestHeadDeadline.class) != null) {
            channel.pipeline().remove(RequestHeadDeadline.class);
        }
        for (Object msg : pending) {
            ReferenceCountUtil.release(msg);
        }
        pending.clear();
        if (inputShutdown) {
            raw.end();
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(head));
        channel.config().setAutoRead(true);
        ex.responseDone = true;
        return hijacked;
    }

    private void rejectMalformed(HttpRequest request) {
        Throwable cause = request.decoderResult().cause();
        LOG.log(Level.DEBUG, () -> "malformed request: " + cause);
        HttpResponseStatus status = HttpResponseStatus.BAD_REQUEST;
        String message = "malformed HTTP request";
        if (cause instanceof io.netty.handler.codec.http.TooLongHttpLineException) {
            status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
            message = "request line too long: at most " + (ApiServer.MAX_HEAD >> 10) + " KiB";
        } else if (cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException) {
            status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            message = "request headers too large: at most " + (ApiServer.MAX_HEAD >> 10) + " KiB";
        }
        byte[] body = ("{\"message\":\"" + message + "\"}\n").getBytes(StandardCharsets.UTF_8);
        DefaultFullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        res.headers().set(HttpHeaderNames.SERVER, identity.serverHeader());
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        channel.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        // Behind TLS a client ends its side with a close_notify alert rather than a FIN (Go's tls.Conn.CloseWrite,
        // which the docker CLI calls when stdin ends): the same half-close.
        if (evt instanceof ChannelInputShutdownEvent
                || (evt instanceof io.netty.handler.ssl.SslCloseCompletionEvent closed && closed.isSuccess())) {
            inputShutdown = true;
            if (raw != null) {
                raw.end(); // the client's stdin ended; it still reads our output
            } else {
                // Outside a hijack, EOF from the client means it has gone, as Go's net/http server treats it: a
                // long-running handler (events, wait, a pull) is told and stops, but an answer on its way is
                // still written and the connection closes after it (maybeFinish). A client that sends one request
                // and ends its side at once (nc -N, a pipe into docker system dial-stdio) gets its answer.
                clientGone.complete(null);
                if (current == null) {
                    channel.close();
                } else if (!current.requestDone) {
                    // Everything the client sent has been decoded by now: a body still open was cut short.
                    current.body.fail(new IOException("the client ended its side before the request's end"));
                    current.requestDone = true; // nothing more can come: the answer ends the connection
                    maybeFinish(); // the answer may have gone already (a 404 reads no body)
                }
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        writer.signal();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        clientGone.complete(null);
        IOException gone = new IOException("client went away");
        if (current != null) {
            current.body.fail(gone);
        }
        if (raw != null) {
            raw.end();
        }
        for (Object msg : pending) {
            ReferenceCountUtil.release(msg);
        }
        pending.clear();
        writer.signal();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.DEBUG, () -> "connection error: " + cause);
        ctx.close();
    }
}
