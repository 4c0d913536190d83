package dev.berth.runtime.build.steps;

import dev.berth.runtime.build.cache.BuildCache;
import dev.berth.runtime.build.cache.CacheMounts;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.linux.FileSyscalls;
import dev.berth.runtime.storage.OverlayMounts;
import java.net.http.HttpClient;

/**
 * The engine services a build uses, shared by every build: images (store, pulls, layers), containers (RUN steps),
 * overlay mounts (file steps), the step cache and RUN's cache mounts, file system calls and an HTTP client (ADD of a
 * URL), made on first use: setting up TLS costs the engine's start seconds in the VM.
 */
public record BuildTools(
        ImageServices images,
        ContainerServices containers,
        OverlayMounts overlay,
        FileSyscalls sys,
        BuildCache cache,
        CacheMounts cacheMounts,
        java.util.function.Supplier<HttpClient> http) {}
