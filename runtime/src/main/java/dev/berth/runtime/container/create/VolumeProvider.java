package dev.berth.runtime.container.create;

import java.nio.file.Path;

/** What containers need from the volume service: named and anonymous volumes, filled from the image once. */
public interface VolumeProvider {
    /** A volume for a container: its name and where its data lives on the host. */
    record Volume(String name, Path dataDir) {}

    /** The named volume, created if absent; a fresh anonymous volume when {@code name} is null. */
    Volume acquire(String name, String containerId);

    /** Copies {@code imageDir}'s content into the volume if it is still empty (docker's copy-up). */
    void seed(String name, Path imageDir);

    /** Removes an anonymous volume when its container goes with {@code docker rm -v}. */
    void removeAnonymous(String name);
}
