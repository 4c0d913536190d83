package dev.berth.runtime.api.system;

/** How many containers there are, by state, as {@code /info} reports them. */
public record ContainerCounts(int running, int paused, int stopped) {
    public int total() {
        return running + paused + stopped;
    }
}
