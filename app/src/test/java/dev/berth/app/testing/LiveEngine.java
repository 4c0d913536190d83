package dev.berth.app.testing;

/**
 * A real engine for app integration tests: its address and the reference of a small runnable image (busybox
 * with {@code sh}, {@code stty}, {@code top}, {@code cat}) it already holds. {@link BerthdLauncher} is one.
 */
public interface LiveEngine extends AutoCloseable {

    /** e.g. {@code unix:///tmp/berth-app-it-123/berthd.sock} */
    String uri();

    /** An image the engine has, ready to run. */
    String busyboxImage();

    /** Stops the engine and removes what it left behind. */
    @Override
    void close();
}
