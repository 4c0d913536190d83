package dev.berth.machine;

/** Notices the host waking from sleep: wall-clock time moved on much more than the monotonic clock did. */
final class ClockWatch {
    private long wall = System.currentTimeMillis();
    private long mono = System.nanoTime();

    boolean jumped() {
        long nowWall = System.currentTimeMillis();
        long nowMono = System.nanoTime();
        long drift = (nowWall - wall) - (nowMono - mono) / 1_000_000;
        wall = nowWall;
        mono = nowMono;
        return Math.abs(drift) > 5000;
    }
}
