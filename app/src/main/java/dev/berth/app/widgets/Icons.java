package dev.berth.app.widgets;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Line icons as SVG paths (24×24 grid); berth.css strokes them in the theme's text color. */
public final class Icons {
    public static final String CONTAINER = "M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10";
    public static final String IMAGE = "M12 2l10 5-10 5L2 7zM2 12l10 5 10-5M2 17l10 5 10-5";
    public static final String VOLUME = "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3v12c0 1.7-3.6 3-8 3s-8-1.3-8-3zM4 6c0 1.7 3.6 3 8 3s8-1.3 8-3"
            + "M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3";
    public static final String NETWORK = "M12 3v6M5 15v-3h14v3M9 3h6v6H9zM2 15h6v6H2zM16 15h6v6h-6z";
    public static final String SETTINGS = "M12 8a4 4 0 100 8 4 4 0 000-8zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2"
            + "M5 19l2-2M17 7l2-2";
    /** Three nodes joined: a cluster (Swarm). */
    public static final String SWARM = "M12 3a3 3 0 100 6 3 3 0 000-6zM5 15a3 3 0 100 6 3 3 0 000-6zM19 15a3 3 0 100 6 3 3 0 "
            + "000-6zM10.5 8.5l-4 7M13.5 8.5l4 7M8 18h8";
    public static final String DASHBOARD = "M3 3h8v10H3zM13 3h8v6h-8zM13 11h8v10h-8zM3 15h8v6H3z";
    public static final String BERTH = "M3 14h18l-3 6H6zM7 14V8h4v6M12 14V5h5v9";

    private Icons() {}

    public static Node of(String path, double size) {
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        svg.getStyleClass().add("berth-icon");
        double scale = size / 24.0;
        svg.setScaleX(scale);
        svg.setScaleY(scale);
        return new javafx.scene.Group(svg);
    }
}
