package dev.berth.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cancellable pull/push stream against a scripted engine on a unix socket. */
class CancellableStreamTest {
    /** Engine and client each on a thread of their own (the common pool may have a single thread). */
    private static final Executor THREADS = Executors.newVirtualThreadPerTaskExecutor();

    @TempDir
    Path tmp;

    private ServerSocketChannel server;
    private String endpoint;

    @BeforeEach
    void listen() throws IOException {
        Path socket = tmp.resolve("engine.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
        endpoint = "unix://" + socket;
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    /** Accepts one connection, reads the request head, answers {@code response} and returns the request head. */
    private CompletableFuture<String> answer(String response, boolean thenWaitForClose) {
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel c = server.accept()) {
                StringBuilder head = new StringBuilder();
                ByteBuffer buf = ByteBuffer.allocate(4096);
                while (!head.toString().contains("\r\n\r\n") && c.read(buf) >= 0) {
                    head.append(new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII));
                    buf.clear();
                }
                c.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8)));
                if (thenWaitForClose) {
                    // The client's Cancel must reach us as end of stream.
                    while (c.read(buf.clear()) >= 0) {
                        Thread.onSpinWait();
                    }
                    head.append("[client closed]");
                }
                return head.toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, THREADS);
    }

    private static String chunk(String s) {
        return Integer.toHexString(s.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + s + "\r\n";
    }

    @Test
    void readsChunkedJsonMessagesEvenWhenSplitAcrossChunks() throws Exception {
        var request = answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk("{\"status\":\"Pulling from app/x\",\"id\":\"1\"}\r\n{\"status\":\"Downl")
                + chunk("oading\",\"id\":\"abc\",\"progressDetail\":{\"current\":5,\"total\":10}}\n") + "0\r\n\r\n",
                false);
        List<JsonNode> items = new CopyOnWriteArrayList<>();
        CancellableStream.post(endpoint, "/images/create?fromImage=app%2Fx&tag=1", "e30=", items::add,
                new Cancellation());
        assertEquals(2, items.size(), items::toString);
        assertEquals("Downloading", items.get(1).path("status").asText());
        assertEquals(10, items.get(1).path("progressDetail").path("total").asLong());
        String head = request.get(5, TimeUnit.SECONDS);
        assertTrue(head.startsWith("POST /images/create?fromImage=app%2Fx&tag=1 HTTP/1.1\r\n"), head);
        assertTrue(head.contains("X-Registry-Auth: e30=\r\n"), head);
    }

    @Test
    void anErrorStatusIsTheEnginesMessage() throws Exception {
        String body = "{\"message\":\"pull access denied for app/x\"}";
        answer("HTTP/1.1 404 Not Found\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, false);
        EngineException e = assertThrows(EngineException.class, () -> CancellableStream.post(endpoint,
                "/images/create?fromImage=app%2Fx&tag=1", "e30=", item -> {}, new Cancellation()));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("ull access denied for app/x"), e.getMessage());
    }

    @Test
    void cancelClosesTheConnectionSoTheEngineSeesTheClientLeave() throws Exception {
        var request = answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk("{\"status\":\"Pulling fs layer\",\"id\":\"abc\"}\n"), true);
        Cancellation cancel = new Cancellation();
        List<JsonNode> items = new CopyOnWriteArrayList<>();
        var pull = CompletableFuture.runAsync(() -> CancellableStream.post(endpoint, "/images/create?fromImage=x",
                "e30=", items::add, cancel), THREADS);
        for (int i = 0; i < 100 && items.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertEquals(1, items.size(), "the stream was read while it stays open");
        cancel.cancel();
        pull.get(5, TimeUnit.SECONDS);
        assertTrue(request.get(5, TimeUnit.SECONDS).endsWith("[client closed]"));
    }
}
