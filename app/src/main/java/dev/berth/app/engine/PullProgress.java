package dev.berth.app.engine;

/**
 * One line of a pull's progress stream. {@code layerId} is empty for lines about the whole pull ("Pulling from…",
 * "Digest: …"); {@code current}/{@code total} are bytes, 0 when the engine sent none.
 */
public record PullProgress(String layerId, String status, long current, long total) {
    public boolean aboutLayer() {
        return !layerId.isEmpty() && !status.startsWith("Pulling from") && !status.startsWith("Digest")
                && !status.startsWith("Status");
    }
}
