package dev.berth.runtime.image.progress;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of Docker's JSON progress stream (moby's jsonmessage.JSONMessage): what {@code docker pull},
 * {@code push} and {@code load} render as status lines and progress bars.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressMessage(
        String status,
        String id,
        Detail progressDetail,
        String progress,
        String stream,
        ErrorDetail errorDetail,
        String error,
        Object aux) {

    /** Byte counts of a transfer; empty when a layer only changes state. */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Detail(long current, long total) {}

    /** The error as the CLI reads it; a build step's exit code in {@code code} makes {@code docker build} exit with it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorDetail(Integer code, String message) {}

    private static final Detail EMPTY = new Detail(0, 0);

    /** A plain status line, such as "Digest: sha256:…". */
    public static ProgressMessage status(String status) {
        return new ProgressMessage(status, null, null, null, null, null, null, null);
    }

    /** A status line about one item (a layer, a tag). */
    public static ProgressMessage status(String id, String status) {
        return new ProgressMessage(status, id, EMPTY, null, null, null, null, null);
    }

    /** A transfer in progress, with the bar the CLI prints when it is not on a terminal. */
    public static ProgressMessage transfer(String id, String status, long current, long total) {
        return new ProgressMessage(status, id, new Detail(current, total), ProgressBar.render(current, total), null,
                null, null, null);
    }

    /** A line of build or load output. */
    public static ProgressMessage stream(String text) {
        return new ProgressMessage(null, null, null, null, text, null, null, null);
    }

    /** Auxiliary data (push results, load results). */
    public static ProgressMessage aux(Object aux) {
        return new ProgressMessage(null, null, null, null, null, null, null, aux);
    }

    /** An error line; the CLI prints {@code message} and exits non-zero. */
    public static ProgressMessage error(String message) {
        return new ProgressMessage(null, null, null, null, null, new ErrorDetail(null, message), message, null);
    }

    /** An error line with a code (a failed RUN's exit code). */
    public static ProgressMessage error(String message, int code) {
        return new ProgressMessage(null, null, null, null, null, new ErrorDetail(code, message), message, null);
    }
}
