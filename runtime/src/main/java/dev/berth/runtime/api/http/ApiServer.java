package dev.berth.runtime.api.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.DomainSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Docker API over unix sockets: Netty's epoll transport and HTTP/1.1 codec on a couple of event-loop
 * threads, with every request's handler on its own virtual thread so that handlers may block.
 */
public final class ApiServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("berth.api");

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
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(EpollServerDomainSocketChannel.class)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true) // a hijacked client half-closes when its stdin ends
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 << 10, 1 << 20))
                .childHandler(new ChannelInitializer<DomainSocketChannel>() {
                    @Override
                    protected void initChannel(DomainSocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(new HttpServerCodec());
                        ch.pipeline().addLast(new HttpServerExpectContinueHandler());
                        ch.pipeline().addLast(new ApiConnection(dispatcher, identity));
                    }
                });
        try {
            Channel ch = bootstrap.bind(new DomainSocketAddress(socket.toFile())).sync().channel();
            listeners.add(ch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + socket, e);
        } catch (RuntimeException e) {
            throw new IOException("cannot listen on " + socket + ": " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "API listening on unix://" + socket);
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
