package dev.berth.runtime.network.host;

import dev.berth.runtime.errors.EngineException;

/** A host tool failed; the message carries the command line and what it printed on stderr. */
public final class HostCommandException extends EngineException {
    private final transient CommandResult result;

    public HostCommandException(CommandResult result) {
        super(String.join(" ", result.argv()) + " failed (exit " + result.exitCode() + "): " + result.stderr().strip());
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }
}
