package dev.berth.runtime.daemon;

import dev.berth.runtime.common.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The pid file: refuses to overwrite one whose process is alive, as dockerd does, and is removed on exit. */
final class PidFile {
    private PidFile() {}

    static void write(Path file) throws StartupException {
        long self = ProcessHandle.current().pid();
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
                try {
                    long pid = Long.parseLong(text);
                    if (pid != self && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        throw new StartupException("pid file " + file + " names running process " + pid
                                + "; make sure berthd is not running or delete " + file);
                    }
                } catch (NumberFormatException e) {
                    // Garbage from a crash: overwrite it.
                }
            }
            AtomicFiles.write(file, (self + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new StartupException("cannot write pid file " + file + ": " + e.getMessage(), e);
        }
    }
}
