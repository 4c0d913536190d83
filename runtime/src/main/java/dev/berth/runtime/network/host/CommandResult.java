package dev.berth.runtime.network.host;

import java.util.List;

/** What a finished command printed and how it exited. */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }
}
