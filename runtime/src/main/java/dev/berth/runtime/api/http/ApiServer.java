package dev.berth.runtime.api.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Docker API over unix sockets, and over TCP (behind TLS unless the operator insisted otherwise): Netty's epoll
 * transport and HTTP/1.1 codec on a couple of event-loop threads, with every request's handler on its own virtual
 * thread so that handlers may block.
 */
public final class ApiServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("berth.api");

    /** Request line and headers, each at most this (Go's http.DefaultMaxHeaderBytes). */
    static final int MAX_HEAD = 1 << 20;

    private final Dispatcher dispatcher;
    private final ServerIdentity identity;
    private final EventLoopGroup group = new EpollEventLoopGroup(2);
    private final ChannelGroup connections = new DefaultChannelGroup("api-connections", GlobalEventExecutor.INSTANCE);
    private final List<Channel> listeners = new ArrayList<>();

    public ApiServer(Router router, ServerIdentity identity) {
        this.dispatcher = new Dispatcher(router);
        this.identity = identity;
    }

    /** Starts serving on {@code socket}, which must not exist yet. */
    public void listen(Path socket) throws IOException {
        ServerBootstrap bootstrap = bootstrap(null).channel(EpollServerDomainSocketChannel.class);
        bind(bootstrap, new DomainSocketAddress(socket.toFile()), "unix://" + socket);
    }

    /**
     * Starts serving on TCP {@code address}; with {@code tls}, only through TLS (and, when it verifies clients, only
     * to clients with a certificate from its CA). Returns the bound address (port 0 picks a free one).
     */
    public InetSocketAddress listenTcp(InetSocketAddress address, ServerTls tls) throws IOException {
        SslContext ssl = tls == null ? null : tls.context();
        ServerBootstrap bootstrap = bootstrap(ssl).channel(EpollServerSocketChannel.class);
        Channel ch = bind(bootstrap, address, "tcp://" + address.getHostString() + ":" + address.getPort()
                + (tls == null ? " WITHOUT TLS" : tls.verifyClients() ? " (TLS, client certificates required)"
                        : " (TLS)"));
        return (InetSocketAddress) ch.localAddress();
    }

    private ServerBootstrap bootstrap(SslContext ssl) {
        return new ServerBootstrap()
                .group(group)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true) // a hijacked client half-closes when its stdin ends
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 << 10, 1 << 20))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        if (ssl != null) {
                            ch.pipeline().addLast(new PlainHttpOnTlsPort());
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                            ch.pipeline().addLast(new HandshakeLogger());
                        }
                        ch.pipeline().addLast(new RequestHeadDeadline(RequestHeadDeadline.DEFAULT));
                        // Go's net/http (dockerd) allows 1 MiB of request line and headers: X-Registry-Config of a
                        // build and a long filters= or buildargs= query need more than Netty's default 4 + 8 KiB.
                        ch.pipeline().addLast(new HttpServerCodec(MAX_HEAD, MAX_HEAD, 64 << 10));
                        ch.pipeline().addLast(new HttpServerExpectContinueHandler());
                        ch.pipeline().addLast(new ApiConnection(dispatcher, identity));
                    }
                });
    }

    private Channel bind(ServerBootstrap bootstrap, java.net.SocketAddress address, String name) throws IOException {
        Channel ch;
        try {
            ch = bootstrap.bind(address).sync().channel();
            listeners.add(ch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + name, e);
        } catch (RuntimeException e) {
            throw new IOException("cannot listen on " + name + ": " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "API listening on " + name);
        return ch;
    }

    /** Says in the log why a TLS client was turned away (the client only sees "bad certificate"). */
    private static final class HandshakeLogger extends io.netty.channel.ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(io.netty.channel.ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof SslHandshakeCompletionEvent done) {
                if (!done.isSuccess()) {
                    Throwable cause = done.cause();
                    while (cause.getCause() != null && cause.getCause() != cause) {
                        cause = cause.getCause();
                    }
                    LOG.log(System.Logger.Level.WARNING, "refused a TLS client from " + ctx.channel().remoteAddress()
                            + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
                }
                ctx.pipeline().remove(this);
            }
            super.userEventTriggered(ctx, evt);
        }
    }

    /** Stops accepting new connections; open ones keep being served. */
    public void stopAccepting() {
        for (Channel ch : listeners) {
            ch.close().syncUninterruptibly();
        }
    }

    /** Waits up to {@code grace} for running handlers to finish; true if none is left. */
    public boolean awaitIdle(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (dispatcher.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return dispatcher.inFlight() == 0;
    }

    /** Closes every connection and the event loops. */
    @Override
    public void close() {
        stopAccepting();
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
