package dev.berth.runtime.api.system;

import java.util.List;
import java.util.Map;

/**
 * What {@code /info} reports about the engine's own state. The services (images, containers, storage)
 * know these figures; the daemon wires an implementation that asks them.
 */
public interface EngineFacts {
    /** Number of images in the image store. */
    int images();

    /** Containers by state. */
    ContainerCounts containers();

    /** The storage driver's name, e.g. {@code overlayfs}. */
    String storageDriver();

    /** The storage driver's key/value pairs, e.g. {@code [["Backing Filesystem","ext4"]]}. */
    List<String[]> driverStatus();

    /** OCI runtimes by name. */
    Map<String, RuntimeInfo> runtimes();

    /** The runtime used when a container names none. */
    String defaultRuntime();

    /** The default log driver, e.g. {@code json-file}. */
    String loggingDriver();

    /** Volume, network and log plugins, keyed "Volume", "Network", "Log". */
    Map<String, List<String>> plugins();

    /** Security features in effect, e.g. {@code name=seccomp,profile=builtin}. */
    List<String> securityOptions();

    /** Warnings {@code docker info} should print. */
    List<String> warnings();
}
