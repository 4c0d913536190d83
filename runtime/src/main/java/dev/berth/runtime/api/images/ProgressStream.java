package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.JsonStream;
import dev.berth.runtime.image.progress.ProgressMessage;
import dev.berth.runtime.image.progress.ProgressSink;

/**
 * Streams progress messages as Docker's JSON lines, opening the 200 response only at the first
 * message: an error before that (bad name, unknown manifest, refused login) is still a proper HTTP
 * error, as with dockerd; an error after it becomes an {@code errorDetail} line the CLI prints.
 */
final class ProgressStream implements ProgressSink {
    private final ApiResponse response;
    private JsonStream stream;
    private boolean clientGone;

    ProgressStream(ApiResponse response) {
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
    synchronized void fail(RuntimeException error) {
        if (stream == null) {
            throw error;
        }
        emit(ProgressMessage.error(error.getMessage() == null ? error.toString() : error.getMessage()));
    }

    /** Makes sure a response was sent even if the operation reported nothing. */
    synchronized void finish() {
        if (stream == null && !clientGone) {
            emit(ProgressMessage.status(""));
        }
    }
}
