package dev.berth.runtime.container.monitor;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes control messages to conmon's {@code ctl} FIFO (ctrl.c): "1 H W" resizes the TTY, "2 0 0" reopens the log. */
public final class ConsoleControl {
    private ConsoleControl() {}

    /** Resizes the terminal of the container or exec session whose ctl FIFO is {@code ctl}. */
    public static void resize(Path ctl, int height, int width) {
        if (height <= 0 || width <= 0 || height > 65535 || width > 65535) {
            throw new InvalidArgumentException("invalid terminal size " + height + "x" + width);
        }
        send(ctl, "1 " + height + " " + width + "\n");
    }

    /** Asks conmon to reopen its log file (after the engine rotated it). */
    public static void reopenLog(Path ctl) {
        send(ctl, "2 0 0\n");
    }

    private static void send(Path ctl, String message) {
        if (!Files.exists(ctl)) {
            throw new ConflictException("container is not running (no control FIFO at " + ctl + ")");
        }
        // conmon keeps the FIFO open for reading itself, so a write-only open does not block while it runs;
        // O_RDWR guarantees that even if conmon has just gone away.
        try (FileChannel ch = FileChannel.open(ctl, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            ch.write(ByteBuffer.wrap(message.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new EngineException("cannot write to " + ctl + ": " + e.getMessage(), e);
        }
    }
}
