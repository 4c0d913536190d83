package dev.berth.app.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import dev.berth.app.engine.ExecSession;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * JediTermFX's view of an exec session: it reads the TTY's output as UTF-8 characters (a Hangul syllable split
 * between two frames is reassembled by the decoder), writes keystrokes as UTF-8 and turns its size changes into
 * exec resizes.
 */
final class ExecTtyConnector implements TtyConnector {
    private final ExecSession session;
    private final String name;
    private final Reader reader;

    ExecTtyConnector(ExecSession session, String name) {
        this.session = session;
        this.name = name;
        this.reader = new CursorHomeFix(new InputStreamReader(session.output(), StandardCharsets.UTF_8));
    }

    @Override
    public int read(char[] buf, int offset, int length) throws IOException {
        return reader.read(buf, offset, length);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        session.input().write(bytes);
    }

    @Override
    public void write(String string) throws IOException {
        write(string.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isConnected() {
        return session.isOpen();
    }

    @Override
    public void resize(TermSize size) {
        try {
            session.resize(size.getColumns(), size.getRows());
        } catch (RuntimeException e) {
            // A resize racing the end of the session changes nothing worth reporting.
        }
    }

    @Override
    public int waitFor() throws InterruptedException {
        return session.waitFor();
    }

    @Override
    public boolean ready() throws IOException {
        return reader.ready();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void close() {
        session.close();
    }
}
