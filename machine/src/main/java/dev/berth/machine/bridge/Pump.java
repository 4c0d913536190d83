package dev.berth.machine.bridge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;

/** Copies bytes both ways between two connections until both ends are done, passing half-closes on. */
final class Pump {
    private Pump() {}

    /** Runs until both directions ended; closes nothing it was not given to close (the caller closes both). */
    static void both(ByteChannel a, ByteChannel b, Runnable onBytes) {
        both(a, b, onBytes, Thread.ofVirtual());
    }

    /** As {@link #both(ByteChannel, ByteChannel, Runnable)}, the second direction on a thread from {@code threads}. */
    static void both(ByteChannel a, ByteChannel b, Runnable onBytes, Thread.Builder threads) {
        Thread up = threads.name("bridge-up").start(() -> copy(a, b, onBytes));
        copy(b, a, onBytes);
        try {
            up.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void copy(ByteChannel from, ByteChannel to, Runnable onBytes) {
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (from.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    to.write(buf);
                }
                buf.clear();
                onBytes.run();
            }
            if (to instanceof SocketChannel s) {
                s.shutdownOutput();
            }
        } catch (IOException e) {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // both are going away
            }
        }
    }
}
