package dev.berth.runtime.image.oci;

import java.util.List;
import java.util.Map;

/** A multi-platform index (OCI image-index.md) or Docker manifest list. */
public record ImageIndex(
        int schemaVersion,
        String mediaType,
        List<Descriptor> manifests,
        Map<String, String> annotations) {}
