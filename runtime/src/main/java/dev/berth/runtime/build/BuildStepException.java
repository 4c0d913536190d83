package dev.berth.runtime.build;

import dev.berth.runtime.errors.EngineException;

/**
 * A build step that failed: a RUN whose command exited non-zero carries the exit code, which the stream's {@code
 * errorDetail.code} passes on so that {@code docker build} exits with it, as with dockerd.
 */
public class BuildStepException extends EngineException {
    private final int code;

    public BuildStepException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** The command's exit code, or 0 when the failure was not a command's. */
    public int code() {
        return code;
    }
}
