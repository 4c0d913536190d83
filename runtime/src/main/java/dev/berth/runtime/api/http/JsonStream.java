package dev.berth.runtime.api.http;

import dev.berth.runtime.common.Json;
import java.io.IOException;
import java.io.OutputStream;

/** A response of newline-separated JSON objects, each sent as soon as it is written (progress, events). */
public final class JsonStream implements AutoCloseable {
    private final OutputStream out;

    JsonStream(OutputStream out) {
        this.out = out;
    }

    /** Sends one object and a newline; IOException once the client went away. */
    public void write(Object value) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(value);
        synchronized (out) {
            out.write(bytes);
            out.write('\n');
            out.flush();
        }
    }

    /** Ends the response. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
