package dev.berth.machine.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The Windows named pipe joined to the guest with the VM's token (runs on the Windows CI runner). */
@EnabledOnOs(OS.WINDOWS)
class NamedPipeBridgeTest {
    private static final String TOKEN = "d".repeat(64);

    @Test
    void bytesGoBothWaysForTwoClientsInTurn() throws Exception {
        String name = "\\\\.\\pipe\\berth_test_" + UUID.randomUUID();
        try (FakeGuest guest = new FakeGuest(TOKEN, false);
                NamedPipeBridge bridge = NamedPipeBridge.start(name,
                        () -> GuestConnector.tcp("127.0.0.1", guest.port(), TOKEN))) {
            for (String text : new String[]{"first client", "second client"}) {
                try (RandomAccessFile pipe = new RandomAccessFile(name, "rw")) {
                    byte[] sent = text.getBytes(StandardCharsets.UTF_8);
                    pipe.write(sent);
                    byte[] back = new byte[sent.length];
                    pipe.readFully(back);
                    assertArrayEquals(sent, back);
                }
            }
            assertEquals(0, guest.refused.size());
        }
    }

    @Test
    void aPipeAlreadyServedIsNotTaken() throws Exception {
        String name = "\\\\.\\pipe\\berth_test_" + UUID.randomUUID();
        try (NamedPipeBridge first = NamedPipeBridge.start(name, () -> null)) {
            IOException e = assertThrows(IOException.class, () -> NamedPipeBridge.start(name, () -> null));
            assertEquals(true, e.getMessage().contains("another Berth"), e.getMessage());
        }
    }

    @Test
    void theDockerHostOfThePipe() {
        assertEquals("npipe:////./pipe/berth_engine", NamedPipeBridge.dockerHost(NamedPipeBridge.DEFAULT_PIPE));
    }
}
