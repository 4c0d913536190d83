package dev.berth.runtime.api.http;

import dev.berth.runtime.image.progress.ProgressMessage;
import dev.berth.runtime.image.progress.ProgressSink;

/**
 * Streams progress messages as Docker's JSON lines, opening the 200 response only at the first
 * message: an error before that (bad name, unknown manifest, refused login) is still a proper HTTP
 * error, as with dockerd; an error after it becomes an {@code errorDetail} line the CLI prints.
 */
public final class ProgressStream implements ProgressSink {
    private final ApiResponse response;
    private JsonStream stream;
    private boolean clientGone;

    public ProgressStream(ApiResponse response) {
        this.response = response;
    }

    @Override
    public synchronized void emit(ProgressMessage message) {
        if (clientGone) {
            return; // keep working: a pull finishes for the next caller even if this one hung up
        }
        try {
            if (stream == null) {
                stream = response.jsonStream(200);
            }
            stream.write(message);
        } catch (Exception e) {
            clientGone = true;
        }
    }

    /** Ends the stream with {@code error}, or rethrows it when nothing was sent yet. */
    public synchronized void fail(RuntimeException error) {
        fail(error, 0);
    }

    /** Ends the stream with {@code error} and a non-zero {@code code} when there is one, or rethrows it when nothing was sent yet. */
    public synchronized void fail(RuntimeException error, int code) {
        if (stream == null) {
            throw error;
        }
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        emit(code != 0 ? ProgressMessage.error(message, code) : ProgressMessage.error(message));
    }

    /**
     * Ends the stream with {@code error} even when nothing was sent yet: {@code POST /images/load} answers 200 and puts
     * every failure in the stream, as dockerd does (clients such as docker-py read the error from there).
     */
    public synchronized void failInStream(RuntimeException error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        emit(ProgressMessage.error(message));
    }

    /** Makes sure a response was sent even if the operation reported nothing. */
    public synchronized void finish() {
        if (stream == null && !clientGone) {
            emit(ProgressMessage.status(""));
        }
    }
}
