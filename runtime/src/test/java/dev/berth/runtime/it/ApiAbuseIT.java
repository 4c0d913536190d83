package dev.berth.runtime.it;

import dev.berth.testkit.HttpConnection;
import dev.berth.testkit.HttpResult;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.Await;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Abuse of the API gets a clear answer or a closed connection, and berthd keeps serving everyone else: oversized
 * headers and request lines, an oversized JSON body, a client that trickles its request head (slow loris), a
 * thousand idle connections, and a client that never reads the log stream it asked for.
 */
class ApiAbuseIT {

    /** A short head deadline, so the slow-loris test waits seconds rather than berthd's default minute. */
    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("abuse/busybox:1")
            .withProperty("berth.api.requestHeadTimeoutSeconds", "3");

    private static String image;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
        assertEquals(0, berthd.docker("pull", image).exitCode());
    }

    private static void stillServing() {
        CommandResult v = berthd.docker("version", "--format", "{{.Server.Version}}");
        assertEquals(0, v.exitCode(), "berthd keeps serving: " + v.stderr());
    }

    @Test
    void oversizedHeadsGetTheirOwnStatusAndLongQueriesUpToGosLimitWork() throws IOException {
        HttpResult headers = sendWhileReading(
                "GET /_ping HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(2 << 20) + "\r\n\r\n");
        assertEquals(431, headers.status());
        assertTrue(headers.text().contains("request headers too large"), headers.text());
        HttpResult line = sendWhileReading("GET /_ping?x=" + "a".repeat(2 << 20) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(414, line.status());
        // A 200 KB filters= query (dockerd's Go server takes up to 1 MiB): a build's buildargs= or a long label
        // filter must not be refused as malformed.
        String label = "k=" + "v".repeat(200_000);
        String filters = java.net.URLEncoder.encode("{\"label\":[\"" + label + "\"]}", StandardCharsets.UTF_8);
        HttpResult listed = berthd.http("GET", "/containers/json?all=1&filters=" + filters);
        assertEquals(200, listed.status(), listed.text());
        assertEquals("[]", listed.text().strip());
        stillServing();
    }

    /**
     * Sends {@code request} from another thread while reading the answer, as Go's client does: berthd answers as
     * soon as the head is too long and closes, so the rest of the write may fail with a broken pipe.
     */
    private static HttpResult sendWhileReading(String request) throws IOException {
        try (HttpConnection c = berthd.connect()) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    c.out().write(request.getBytes(StandardCharsets.US_ASCII));
                } catch (IOException expected) {
                    // berthd stopped reading: the answer is already on its way
                }
            });
            HttpResult r = c.readResponse(false);
            writer.interrupt();
            return r;
        }
    }

    @Test
    void anOversizedJsonBodyIs413() throws IOException {
        byte[] body = ("{\"Image\":\"" + image + "\",\"Labels\":{\"x\":\"" + "y".repeat(20 << 20) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        try (HttpConnection c = berthd.connect()) {
            HttpResult r = c.exchange("POST", "/containers/create", Map.of("Content-Type", "application/json"), body);
            assertEquals(413, r.status(), r.text());
            assertTrue(r.text().contains("at most 16 MiB"), r.text());
        }
        stillServing();
    }

    @Test
    void aTricklingRequestHeadIsCutOffButAnIdleConnectionIsNot() throws Exception {
        try (SocketChannel idle = SocketChannel.open(UnixDomainSocketAddress.of(berthd.socket()));
                SocketChannel loris = SocketChannel.open(UnixDomainSocketAddress.of(berthd.socket()))) {
            loris.write(ByteBuffer.wrap("GET /_ping HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII)));
            Await.until("berthd closing the connection whose head never ends", Duration.ofSeconds(60),
                    () -> closed(loris));
            assertTrue(berthd.log().contains("request head did not arrive"), berthd.log());
            // The idle one sent nothing all that time and is still there.
            idle.write(ByteBuffer.wrap("GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(256);
            idle.read(answer);
            assertTrue(new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII)
                    .startsWith("HTTP/1.1 200"));
        }
        stillServing();
    }

    /** Whether the server has closed this connection (a read sees end of stream). */
    private static boolean closed(SocketChannel ch) {
        try {
            ch.configureBlocking(false);
            int n = ch.read(ByteBuffer.allocate(1024));
            ch.configureBlocking(true);
            return n < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void aThousandIdleConnectionsCostNoThreads() throws Exception {
        int before = threads();
        List<SocketChannel> open = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                open.add(SocketChannel.open(UnixDomainSocketAddress.of(berthd.socket())));
            }
            stillServing();
            int during = threads();
            assertTrue(during < before + 20, "threads before " + before + ", with 1000 idle connections " + during);
        } finally {
            for (SocketChannel ch : open) {
                ch.close();
            }
        }
        stillServing();
    }

    @Test
    void aClientThatNeverReadsItsLogStreamHoldsNoMoreThanAWindow() throws Exception {
        // 100 MB of output, kept in the container's log; a client asks for all of it and reads nothing.
        CommandResult run = berthd.docker("run", "-d", "--network", "none", image, "sh", "-c",
                "yes 0123456789012345678901234567890123456789012345678901234567890123456789 | head -c 100000000");
        assertEquals(0, run.exitCode(), run.stderr());
        String id = run.stdout().strip();
        Await.until("the container writing its 100 MB", Duration.ofSeconds(120),
                () -> berthd.docker("inspect", "--format", "{{.State.Status}}", id).stdout().strip().equals("exited"));
        long rssBefore = rssKiB();
        try (SocketChannel stalled = SocketChannel.open(UnixDomainSocketAddress.of(berthd.socket()))) {
            stalled.write(ByteBuffer.wrap(("GET /containers/" + id + "/logs?stdout=1&stderr=1&follow=1 HTTP/1.1\r\n"
                    + "Host: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            // Others are served meanwhile, including the same log read by a client that does read it.
            CommandResult tail = berthd.docker("logs", "--tail", "1", id);
            assertEquals(0, tail.exitCode(), tail.stderr());
            assertTrue(tail.stdout().startsWith("0123"), tail.stdout());
            stillServing();
            long grown = rssKiB() - rssBefore;
            assertTrue(grown < 64 * 1024, "berthd grew by " + grown + " KiB for a 100 MB log nobody reads");
        }
        stillServing();
    }

    private static int threads() throws IOException {
        return (int) statusField("Threads:");
    }

    private static long rssKiB() throws IOException {
        return statusField("VmRSS:");
    }

    private static long statusField(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(berthd.pid()), "status"))) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException(name + " missing from /proc/" + berthd.pid() + "/status");
    }
}
