package dev.berth.runtime.api.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A connection taken over after {@code 101 UPGRADED}: a raw bidirectional pipe. Client stdin arrives on
 * {@link #in()} (EOF when the client half-closes, as the CLI does when its stdin ends); {@link #out()}
 * goes straight to the socket with backpressure. The owner closes it when the process output has drained.
 */
public final class Hijacked implements AutoCloseable {
    private final Channel channel;
    private final InboundStream in;
    private final OutputStream out;

    Hijacked(Channel channel, InboundStream in, ChannelWriter writer) {
        this.channel = channel;
        this.in = in;
        this.out = new RawOutput(writer);
    }

    /** Bytes from the client. */
    public InputStream in() {
        return in;
    }

    /** Bytes to the client; {@code flush()} pushes them out, writes block while the client is slow. */
    public OutputStream out() {
        return out;
    }

    /** True once the client closed its sending side (its stdin ended). */
    public boolean halfClosed() {
        return in.ended();
    }

    /** True while the connection is open. */
    public boolean isOpen() {
        return channel.isActive();
    }

    /** Flushes and closes the sending side only, so the client sees EOF but can still send. */
    public void closeWrite() throws IOException {
        out.flush();
        if (channel instanceof DuplexChannel duplex) {
            ChannelWriter.await(duplex.shutdownOutput());
        } else {
            close();
        }
    }

    /** Flushes what is pending and closes the connection. */
    @Override
    public void close() {
        if (channel.isActive()) {
            try {
                out.flush();
            } catch (IOException ignored) {
                // The client is gone already; closing is all that is left to do.
            }
        }
        channel.close().syncUninterruptibly();
        in.discard();
    }

    /** Unframed output straight to the socket. */
    private static final class RawOutput extends OutputStream {
        private final ChannelWriter writer;

        RawOutput(ChannelWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                // Flushed at once: hijacked streams are interactive (a shell prompt must not wait in a buffer).
                writer.write(Unpooled.copiedBuffer(b, off, len), true);
            }
        }

        @Override
        public void flush() throws IOException {
            writer.flush();
        }

        @Override
        public void close() {
            // Closing the output alone would be ambiguous; the owner uses closeWrite() or close().
        }
    }
}
