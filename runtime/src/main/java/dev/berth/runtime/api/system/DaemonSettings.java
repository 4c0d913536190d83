package dev.berth.runtime.api.system;

import java.nio.file.Path;
import java.util.List;

/** The daemon configuration that {@code /info} reports: identity, data root and registry settings. */
public record DaemonSettings(String id, Path dataRoot, boolean debug, List<String> insecureRegistries,
        List<String> registryMirrors, List<String> labels) {
    public DaemonSettings {
        insecureRegistries = List.copyOf(insecureRegistries);
        registryMirrors = List.copyOf(registryMirrors);
        labels = List.copyOf(labels);
    }
}
