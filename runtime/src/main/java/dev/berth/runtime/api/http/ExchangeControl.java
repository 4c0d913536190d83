package dev.berth.runtime.api.http;

import java.io.IOException;

/** What an {@link ApiResponse} needs from its connection: to report the response done and to take the connection over. */
interface ExchangeControl {
    /** Called from the handler thread after the last byte of the response was queued. */
    void responseDone();

    /** Removes the HTTP codec, writes {@code head} raw and returns the connection as a pipe. */
    Hijacked hijack(byte[] head) throws IOException;
}
