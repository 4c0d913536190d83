package dev.berth.runtime.image.registry;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.image.oci.ImageIndex;
import dev.berth.runtime.image.oci.ImageManifest;
import java.util.List;

/**
 * What a manifest or an index from a registry must hold before a pull relies on it: a config and layers that name
 * their content by digest, an index's entries likewise. A registry (or a man in the middle of a plain-HTTP one) that
 * sends less gets an error naming the reference, not a failure deep inside the pull.
 */
final class ManifestChecks {
    private ManifestChecks() {}

    static ImageManifest checked(ImageManifest m, String reference) {
        if (m.config() == null || m.config().digest() == null) {
            throw invalid("manifest", reference, "it names no config");
        }
        if (m.layers() == null) {
            throw invalid("manifest", reference, "it lists no layers");
        }
        checkedEntries(m.layers(), "manifest", reference, "layer");
        if (m.config().size() < 0) {
            throw invalid("manifest", reference, "its config has a negative size");
        }
        return m;
    }

    static ImageIndex checked(ImageIndex index, String reference) {
        if (index.manifests() == null) {
            throw invalid("index", reference, "it lists no manifests");
        }
        checkedEntries(index.manifests(), "index", reference, "entry");
        return index;
    }

    private static void checkedEntries(List<Descriptor> entries, String what, String reference, String entry) {
        for (int i = 0; i < entries.size(); i++) {
            Descriptor d = entries.get(i);
            if (d == null || d.digest() == null) {
                throw invalid(what, reference, entry + " " + (i + 1) + " has no digest");
            }
            if (d.size() < 0) {
                throw invalid(what, reference, entry + " " + (i + 1) + " has a negative size");
            }
        }
    }

    private static EngineException invalid(String what, String reference, String why) {
        return new EngineException("invalid " + what + " for " + reference + ": " + why);
    }
}
