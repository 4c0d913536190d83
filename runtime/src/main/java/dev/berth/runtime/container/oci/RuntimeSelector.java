package dev.berth.runtime.container.oci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the runtime the engine uses: the configured one if any (even when it is unusable, so the
 * user's choice is never silently replaced — its operations then fail with the reason), otherwise the
 * first usable one in order of preference, otherwise a {@link MissingRuntime} listing every reason.
 */
public final class RuntimeSelector {
    private final List<OciRuntime> candidates;

    public RuntimeSelector(List<OciRuntime> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** crun first (faster, smaller) then runc, both looked up on the PATH, state under {@code execRoot}. */
    public static RuntimeSelector defaults(Path execRoot) {
        return new RuntimeSelector(List.of(CrunRuntime.onPath(execRoot), RuncRuntime.onPath(execRoot)));
    }

    /** Every candidate, for `docker info`'s Runtimes. */
    public List<OciRuntime> candidates() {
        return candidates;
    }

    /** The runtime to use; {@code configured} is a runtime name or empty for "pick one". */
    public OciRuntime select(Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            String wanted = configured.get();
            for (OciRuntime r : candidates) {
                if (r.name().equals(wanted)) {
                    return r.isUsable() ? r : new MissingRuntime(wanted, r.usability().reason());
                }
            }
            return new MissingRuntime(wanted, "unknown runtime \"" + wanted + "\"; known: "
                    + String.join(", ", candidates.stream().map(OciRuntime::name).toList()));
        }
        List<String> reasons = new ArrayList<>();
        for (OciRuntime r : candidates) {
            RuntimeUsability u = r.usability();
            if (u.usable()) {
                return r;
            }
            reasons.add(r.name() + ": " + u.reason());
        }
        return new MissingRuntime("none", reasons.isEmpty() ? "no runtime configured" : String.join("; ", reasons));
    }
}
