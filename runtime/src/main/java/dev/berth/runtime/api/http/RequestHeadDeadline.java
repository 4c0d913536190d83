package dev.berth.runtime.api.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose client began a request but did not finish its head in time: a slow-loris client would
 * otherwise hold the connection and the decoder's buffer for as long as it trickles bytes. A keep-alive connection
 * that sends nothing is left alone (it costs a file descriptor and no thread), and so is a request's body or a
 * hijacked stream, which may legitimately wait. Sits in front of the HTTP codec, so it sees the first raw byte.
 */
final class RequestHeadDeadline extends ChannelDuplexHandler {
    private static final System.Logger LOG = System.getLogger("berth.api");
    /** How long a request head may take from its first byte; dockerd's Go server allows minutes, slowloris needs hours. */
    static final Duration DEFAULT = Duration.ofSeconds(Long.getLong("berth.api.requestHeadTimeoutSeconds", 60));

    private final Duration timeout;
    private boolean awaitingHead = true;
    private ScheduledFuture<?> timer;

    RequestHeadDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (awaitingHead && timer == null && msg instanceof ByteBuf buf && buf.isReadable()) {
            timer = ctx.executor().schedule(() -> {
                LOG.log(System.Logger.Level.WARNING, "closing a connection from " + ctx.channel().remoteAddress()
                        + ": its request head did not arrive within " + timeout.toSeconds() + " s");
                ctx.close();
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        super.channelRead(ctx, msg);
    }

    /** The head of a request is in: its body and answer may take as long as they take. */
    void headArrived() {
        awaitingHead = false;
        cancel();
    }

    /** The exchange is over; the next bytes start a new head. */
    void exchangeDone() {
        awaitingHead = true;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
