package dev.berth.runtime.image.oci;

import java.util.List;
import java.util.Map;

/** A single-platform image manifest: one config and its layers, bottom first (OCI manifest.md, Docker schema2). */
public record ImageManifest(
        int schemaVersion,
        String mediaType,
        Descriptor config,
        List<Descriptor> layers,
        Map<String, String> annotations,
        Descriptor subject,
        String artifactType) {}
