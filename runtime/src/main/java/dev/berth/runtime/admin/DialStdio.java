package dev.berth.runtime.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * {@code berthd dial-stdio}: this process's standard input and output joined to the engine's socket, as
 * {@code docker system dial-stdio} does, so a client on another machine reaches a berthd over ssh with nothing but
 * Berth installed there (the app and the docker CLI run it through ssh for every connection).
 */
public final class DialStdio {
    private final Path socket;

    public DialStdio(Path socket) {
        this.socket = socket;
    }

    /** Copies both ways until the engine closes its side; the input ending is passed on as a half-close. */
    public void run(InputStream in, OutputStream out) throws IOException, InterruptedException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            Thread up = Thread.ofPlatform().daemon().name("dial-stdio-in").start(() -> {
                try {
                    in.transferTo(Channels.newOutputStream(ch));
                    ch.shutdownOutput();
                } catch (IOException ignored) {
                    // The engine closed first; the copy below ends as well.
                }
            });
            InputStream fromEngine = Channels.newInputStream(ch);
            byte[] buf = new byte[32 * 1024];
            for (int n = fromEngine.read(buf); n >= 0; n = fromEngine.read(buf)) {
                out.write(buf, 0, n);
                out.flush();
            }
            up.interrupt();
        }
    }
}
