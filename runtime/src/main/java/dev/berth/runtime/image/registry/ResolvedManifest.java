package dev.berth.runtime.image.registry;

import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageManifest;

/**
 * A tag or digest resolved to a verified single-platform manifest. {@code topDigest} is what the reference
 * points at in the registry (an index when there is one, else the manifest): docker records it in
 * {@code RepoDigests}. {@code indexBytes} is null when the reference pointed straight at a manifest.
 */
public record ResolvedManifest(
        Digest topDigest,
        String topMediaType,
        byte[] indexBytes,
        Digest manifestDigest,
        String manifestMediaType,
        byte[] manifestBytes,
        ImageManifest manifest) {}
