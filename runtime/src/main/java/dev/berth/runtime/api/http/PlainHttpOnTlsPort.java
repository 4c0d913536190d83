package dev.berth.runtime.api.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * On a TLS port, answers a client that speaks plain HTTP the way Go's server (dockerd) does, with a plain 400
 * "Client sent an HTTP request to an HTTPS server.", which clients turn into "use https" advice, instead of a
 * closed connection that only says "connection reset". A TLS client's first byte is a handshake record (0x16):
 * this handler then steps aside.
 */
final class PlainHttpOnTlsPort extends ByteToMessageDecoder {
    private static final int TLS_HANDSHAKE = 0x16;
    private static final byte[] ANSWER = ("HTTP/1.0 400 Bad Request\r\n\r\n"
            + "Client sent an HTTP request to an HTTPS server.\n").getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        if (in.getUnsignedByte(in.readerIndex()) == TLS_HANDSHAKE) {
            ctx.pipeline().remove(this); // hands what was read on to the TLS handler
            return;
        }
        in.skipBytes(in.readableBytes());
        ctx.writeAndFlush(Unpooled.wrappedBuffer(ANSWER)).addListener(ChannelFutureListener.CLOSE);
    }
}
