package dev.berth.runtime.image.registry;

import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.image.oci.ImageIndex;
import dev.berth.runtime.image.oci.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Picks the manifest for a platform from an index or manifest list. Attestation entries (BuildKit's
 * {@code unknown/unknown} manifests annotated {@code vnd.docker.reference.type=attestation-manifest}) are
 * skipped; an entry whose variant equals the wanted one beats an entry that merely matches.
 */
public final class PlatformSelector {
    static final String REFERENCE_TYPE = "vnd.docker.reference.type";
    static final String ATTESTATION = "attestation-manifest";

    private PlatformSelector() {}

    /** The descriptor for {@code wanted}; {@link NotFoundException} naming the available platforms otherwise. */
    public static Descriptor select(ImageIndex index, Platform wanted) {
        List<Descriptor> candidates = runnable(index);
        Descriptor loose = null;
        for (Descriptor d : candidates) {
            if (wanted.matches(d.platform())) {
                if (Objects.equals(emptyToNull(wanted.variant()), emptyToNull(d.platform().variant()))) {
                    return d;
                }
                if (loose == null) {
                    loose = d;
                }
            }
        }
        if (loose != null) {
            return loose;
        }
        String available = candidates.stream().map(d -> d.platform().display()).distinct()
                .collect(Collectors.joining(", "));
        throw new NotFoundException("no matching manifest for " + wanted.display()
                + " in the manifest list entries" + (available.isEmpty() ? "" : " (available: " + available + ")"));
    }

    /** Entries that describe runnable images: with a platform, not attestations. */
    static List<Descriptor> runnable(ImageIndex index) {
        List<Descriptor> result = new ArrayList<>();
        for (Descriptor d : index.manifests() == null ? List.<Descriptor>of() : index.manifests()) {
            Map<String, String> annotations = d.annotations() == null ? Map.of() : d.annotations();
            boolean attestation = ATTESTATION.equals(annotations.get(REFERENCE_TYPE))
                    || (d.platform() != null && "unknown".equals(d.platform().os()));
            if (!attestation && d.platform() != null && d.platform().os() != null
                    && d.platform().architecture() != null) {
                result.add(d);
            }
        }
        return result;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
