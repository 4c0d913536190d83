package dev.berth.runtime.container.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.runtime.errors.EngineException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trampoline gives a child real fds for our FIFOs, as conmon's parent pipes need; no root required. */
class FifoTrampolineTest {
    @TempDir Path dir;

    @Test
    void childWritesSyncAndReadsStart() throws Exception {
        try (ParentPipe sync = ParentPipe.create(dir.resolve("sync.fifo"));
             ParentPipe start = ParentPipe.create(dir.resolve("start.fifo"))) {
            start.signal();
            // Like conmon: wait for the start byte, then report on the sync fd.
            String script = "read -n 1 -u $_OCI_STARTPIPE b; echo \"{\\\"data\\\": 42}\" >&$_OCI_SYNCPIPE; "
                    + "echo '{\"data\": -1, \"message\": \"boom\"}' >&$_OCI_SYNCPIPE";
            Process p = FifoTrampoline.builder(List.of(
                    new FifoTrampoline.Pipe("_OCI_SYNCPIPE", sync.path(), true),
                    new FifoTrampoline.Pipe("_OCI_STARTPIPE", start.path(), false)),
                    List.of("/bin/bash", "-c", script)).inheritIO().start();
            assertEquals(0, p.waitFor());
            assertEquals(new SyncMessage(42, ""), sync.next(Duration.ofSeconds(5), () -> true, "pid"));
            assertEquals(new SyncMessage(-1, "boom"), sync.next(Duration.ofSeconds(5), () -> true, "exit"));
        }
    }

    @Test
    void aDeadMonitorIsAnErrorNotAHang() throws Exception {
        try (ParentPipe sync = ParentPipe.create(dir.resolve("sync.fifo"))) {
            EngineException e = assertThrows(EngineException.class, () -> sync.next(Duration.ofSeconds(30), () -> false, "the pid"));
            assertEquals("conmon exited before reporting the pid", e.getMessage());
        }
    }
}
