package dev.berth.runtime.volume;

import java.nio.file.Path;

/**
 * What to mount onto a volume's mountpoint before a container uses it, as mount(8) would take it:
 * {@code mount -t <type> -o <options> <source> <target>}. For a bind mount {@code type} is {@code none}
 * and {@code options} contain {@code bind}.
 */
public record MountSpec(String source, Path target, String type, String options) {
    /** True for a bind mount of a host directory. */
    public boolean bind() {
        return LocalDriverOptions.hasBindFlag(options);
    }
}
