package dev.berth.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.BerthdExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that sends its request and at once ends its side of the connection (nc -N, a pipe into
 * {@code docker system dial-stdio}) gets its answer, then the connection ends, as from dockerd (Go's net/http); a
 * long-running request whose client ends its side stops.
 */
class HalfCloseIT {
    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    @Test
    void aPingWhoseSenderHalfClosesIsAnswered() throws Exception {
        String answer = sendAndShutOutput("GET /_ping HTTP/1.1\r\nHost: berthd\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200 OK"), answer);
        assertTrue(answer.endsWith("OK"), answer);
    }

    @Test
    void aRequestWithABodyIsAnsweredToo() throws Exception {
        String body = "{\"Name\":\"half-closed-volume\"}";
        String answer = sendAndShutOutput("POST /volumes/create HTTP/1.1\r\nHost: berthd\r\nContent-Type: "
                + "application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
        assertEquals(0, berthd.docker("volume", "inspect", "half-closed-volume").exitCode());
    }

    @Test
    void aBodyCutShortIsNotTakenForARequest() throws Exception {
        String answer = sendAndShutOutput("POST /volumes/create HTTP/1.1\r\nHost: berthd\r\nContent-Type: "
                + "application/json\r\nContent-Length: 100\r\n\r\n{\"Name\":\"cut-");
        assertTrue(!answer.startsWith("HTTP/1.1 201"), answer);
        assertTrue(berthd.docker("volume", "ls", "-q").stdout().lines().noneMatch(v -> v.startsWith("cut-")));
    }

    @Test
    void anEventStreamEndsWhenItsClientEndsItsSide() throws Exception {
        String answer = sendAndShutOutput("GET /events HTTP/1.1\r\nHost: berthd\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }

    /** Sends {@code request}, shuts the sending side, and reads until the server closes (at most 30 s). */
    private static String sendAndShutOutput(String request) throws Exception {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(berthd.socket()))) {
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ch.shutdownOutput();
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> readAll(ch));
            return read.get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static String readAll(SocketChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try {
            while (ch.read(buf) >= 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        } catch (IOException e) {
            // The server reset the connection: what arrived before is the answer.
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
