package dev.berth.app.images;

/**
 * One layer of a pull or push as last reported: "Downloading" 3 MB of 7 MB, "Already exists", "Pull complete";
 * "Pushing", "Layer already exists", "Pushed"…
 */
public record LayerProgress(String layerId, String status, long current, long total) {

    /** 0..1 while bytes move, 1 when done or already present, -1 when unknown (the bar then shows indeterminate). */
    public double fraction() {
        if (status.equals("Already exists") || status.equals("Pull complete") || status.equals("Download complete")
                || status.equals("Pushed") || status.equals("Layer already exists")
                || status.startsWith("Mounted from")) {
            return 1;
        }
        return total > 0 ? Math.min(1, (double) current / total) : -1;
    }
}
