package dev.berth.app.engine;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A running {@code docker exec} with a TTY over the API's hijacked connection: what the process prints arrives on
 * {@link #output()}, what is written to {@link #input()} reaches its terminal, and {@link #resize} changes the
 * terminal's size (the process gets SIGWINCH).
 */
public interface ExecSession extends AutoCloseable {

    /** The exec's ID, for {@code docker exec} commands about it. */
    String id();

    /** The terminal's output (raw bytes, ANSI sequences and UTF-8 as the program wrote them); ends when it exits. */
    InputStream output();

    /** The terminal's input: keystrokes and pasted text. */
    OutputStream input();

    /** Tells the engine the terminal is now {@code cols} × {@code rows}. */
    void resize(int cols, int rows);

    /** True until the process exits or the session is closed. */
    boolean isOpen();

    /** Waits for the process to exit and returns its exit code (-1 if the engine does not say). */
    int waitFor() throws InterruptedException;

    /** Hangs up: closes the connection (the shell gets EOF/SIGHUP). */
    @Override
    void close();
}
