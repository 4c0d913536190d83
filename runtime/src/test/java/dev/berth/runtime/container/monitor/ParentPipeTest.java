package dev.berth.runtime.container.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.linux.Spawn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spawned child gets real fds for our FIFOs, as conmon's parent pipes need; no root required. */
class ParentPipeTest {
    @TempDir
    Path dir;

    @Test
    void childWritesSyncAndReadsStart() throws Exception {
        try (ParentPipe sync = ParentPipe.create(dir.resolve("sync.fifo"));
                ParentPipe start = ParentPipe.create(dir.resolve("start.fifo"))) {
            start.signal();
            // Like conmon: wait for the start byte, then report on the sync fd.
            String script = "read -n 1 -u $_OCI_STARTPIPE b; echo \"{\\\"data\\\": 42}\" >&$_OCI_SYNCPIPE; "
                    + "echo '{\"data\": -1, \"message\": \"boom\"}' >&$_OCI_SYNCPIPE";
            int pid = Spawn.start(List.of("/bin/bash", "-c", script),
                    Map.of("_OCI_SYNCPIPE", "3", "_OCI_STARTPIPE", "4"),
                    List.of(new Spawn.ChildFd(3, sync.path(), true), new Spawn.ChildFd(4, start.path(), false)),
                    dir.resolve("out"), dir);
            assertEquals(0, Spawn.await(pid, Duration.ofSeconds(10)).orElseThrow());
            assertEquals(new SyncMessage(42, ""), sync.next(Duration.ofSeconds(5), () -> true, "pid"));
            assertEquals(new SyncMessage(-1, "boom"), sync.next(Duration.ofSeconds(5), () -> true, "exit"));
        }
    }

    @Test
    void aDeadMonitorIsAnErrorNotAHang() throws Exception {
        try (ParentPipe sync = ParentPipe.create(dir.resolve("sync.fifo"))) {
            EngineException e = assertThrows(EngineException.class,
                    () -> sync.next(Duration.ofSeconds(30), () -> false, "the pid"));
            assertEquals("conmon exited before reporting the pid", e.getMessage());
        }
    }
}
