package dev.berth.runtime.container.xray;

import java.util.List;

/**
 * What the container's first process may do: its user, its effective and bounding capabilities by name, its
 * seccomp mode and whether it may gain privileges through setuid binaries ({@code noNewPrivs} false).
 */
public record SecurityView(long uid, long gid, String user, String configuredUser, List<String> capEffective,
        List<String> capBounding, String seccomp, boolean noNewPrivs) {}
