package dev.berth.app.images;

/** One layer of a pull as last reported: "Downloading" 3 MB of 7 MB, "Already exists", "Pull complete"… */
public record LayerProgress(String layerId, String status, long current, long total) {

    /** 0..1 while bytes move, 1 when done or already present, -1 when unknown (the bar then shows indeterminate). */
    public double fraction() {
        if (status.equals("Already exists") || status.equals("Pull complete") || status.equals("Download complete")) {
            return 1;
        }
        return total > 0 ? Math.min(1, (double) current / total) : -1;
    }
}
