package dev.berth.app.settings;

/** Where the main window was and how big, to reopen it the same way. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    public static final WindowBounds DEFAULT = new WindowBounds(Double.NaN, Double.NaN, 1200, 760, false);

    /** Whether x/y were remembered (the first start centers the window instead). */
    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }
}
