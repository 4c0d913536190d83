package dev.berth.runtime.api.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.api.volumes.VolumeRoutes;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.fuzz.Fuzzing;
import dev.berth.runtime.volume.VolumeStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The API server's HTTP parsing (Netty's codec and ours around it) under hostile requests: broken request lines,
 * odd versions, lying or duplicated Content-Length, chunked bodies with bad sizes, upgrades, Expect, bodies that end
 * early, and plain noise, each sent on a connection whose sender then ends its side. Whatever comes, the server
 * answers with an HTTP status or closes the connection within the deadline, and goes on answering the next client.
 */
class HttpParserFuzzTest {
    private static final long DEADLINE_SECONDS = 10;
    private static Path dir;
    private static ApiServer server;
    private static Path socket;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "berth-http-fuzz-");
        Router router = new Router();
        new VolumeRoutes(new VolumeStore(dir.resolve("root"), new EventBus(), n -> List.of())).register(router);
        server = new ApiServer(router, new ServerIdentity("Berth", "0.1.0"));
        socket = dir.resolve("api.sock");
        server.listen(socket);
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<byte[]> requests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "GE T", "",
                "\u00e9", "POST\u0000");
        Arbitrary<String> path = Arbitraries.of("/_ping", "/volumes", "/v1.41/volumes/create", "/volumes/x",
                "/v9.99/volumes", "/volumes?filters=%zz", "/volumes?filters={", "//..//volumes", "*", "",
                "/" + "a".repeat(5000), "/volumes/%00", "http://host/volumes", "/volumes#frag");
        Arbitrary<String> version = Arbitraries.of("HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/1.1 extra", "",
                "HTTPS/1.1",
                "HTTP/9");
        Arbitrary<String> header = Arbitraries.of("Host: berthd", "Content-Length: 5", "Content-Length: -1",
                "Content-Length: 99999999999999999999", "Content-Length: 3\r\nContent-Length: 7",
                "Transfer-Encoding: chunked", "Transfer-Encoding: gzip, chunked", "Expect: 100-continue",
                "Connection: close", "Connection: Upgrade\r\nUpgrade: tcp", "Content-Type: application/json",
                "X-Registry-Auth: %%%", "no colon here", ": empty name", "Header:\u00ff\u00fe", " folded: line",
                "X-Long: " + "b".repeat(3000));
        Arbitrary<String> body = Arbitraries.of("", "{\"Name\":\"fuzz\"}", "{\"Name\":", "5\r\nhello\r\n0\r\n\r\n",
                "zz\r\nhello\r\n0\r\n\r\n", "ffffffff\r\nx", "0\r\n\r\n", "{}", "[1,2", "\u0000\u0001\u0002",
                "{\"Name\":\"../../etc\"}", "{\"Labels\":{\"a\":1}}");
        Arbitrary<byte[]> shaped = Combinators.combine(method, path, version, header.list().ofMaxSize(4), body)
                .as((m, p, v, h, b) -> (m + " " + p + " " + v + "\r\n" + String.join("\r\n", h) + (h.isEmpty() ? ""
                        : "\r\n") + "\r\n" + b).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, shaped), net.jqwik.api.Tuple.of(1, noise));
    }

    @Property(seed = Fuzzing.SEED)
    void everyRequestIsAnsweredOrClosedAndTheServerGoesOn(@ForAll("requests") byte[] request) throws Exception {
        String answer = sendAndShutOutput(request);
        assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1."), () -> "not an HTTP answer: " + answer
                .substring(0, Math.min(200, answer.length())));
        // The server's only routes here are the volumes': a list of them is the "still there?" question.
        String ping = sendAndShutOutput("GET /volumes HTTP/1.1\r\nHost: berthd\r\n\r\n".getBytes(
                StandardCharsets.US_ASCII));
        assertTrue(ping.startsWith("HTTP/1.1 200"), () -> "the server stopped answering after "
                + new String(request, StandardCharsets.ISO_8859_1) + "\n" + ping);
    }

    /**
     * Found by the fuzzer: a chunked body cut short after an answer that read no body (a 404) left the connection
     * open for ever, since nothing finished the exchange when the client's side ended.
     */
    @net.jqwik.api.Example
    void aChunkedBodyCutShortAfterTheAnswerEndsTheConnection() throws Exception {
        String answer = sendAndShutOutput(("PUT http://host/volumes HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "\u0000\u0001\u0002").getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
    }

    /** A query that does not decode is the client's mistake (400), not the server's (500). */
    @net.jqwik.api.Example
    void aQueryThatDoesNotDecodeIsABadRequest() throws Exception {
        String answer = sendAndShutOutput("GET /volumes?filters=%zz HTTP/1.1\r\nHost: b\r\n\r\n".getBytes(
                StandardCharsets.US_ASCII));
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    }

    /** Sends the bytes, ends the sending side, reads until the server closes; fails past the deadline. */
    private static String sendAndShutOutput(byte[] request) throws Exception {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            try {
                ch.write(ByteBuffer.wrap(request));
                ch.shutdownOutput();
            } catch (IOException e) {
                return ""; // the server closed at once (it may refuse a request head before reading it all)
            }
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> readAll(ch));
            return read.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
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
            // reset by the server: what came before is the answer
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
