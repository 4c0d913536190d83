package dev.berth.runtime.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The answers {@code berthd stop-containers} reads: plain, chunked, cut short. */
class SocketHttpTest {
    private static SocketHttp.Reply parse(String raw) throws IOException {
        return SocketHttp.parse(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPlainAnswerIsReadToTheEnd() throws IOException {
        SocketHttp.Reply r = parse("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n[{\"Id\":\"a\"}]");
        assertEquals(200, r.status());
        assertEquals("[{\"Id\":\"a\"}]", r.body());
    }

    @Test
    void aChunkedAnswerIsJoined() throws IOException {
        SocketHttp.Reply r = parse("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"mes\r\n10;ext=1\r\nsage\":\"no such\"}\r\n0\r\n\r\n");
        assertEquals(404, r.status());
        assertEquals("{\"message\":\"no such\"}", r.body());
    }

    @Test
    void somethingElseIsAnError() {
        assertThrows(IOException.class, () -> parse("SSH-2.0-OpenSSH\r\n"));
        assertThrows(IOException.class, () -> parse("HTTP/1.1 200 OK\r\nContent-"));
    }
}
