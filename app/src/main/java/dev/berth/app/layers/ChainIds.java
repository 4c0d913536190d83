package dev.berth.app.layers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * ChainIDs from DiffIDs, as the OCI image spec defines them: the base layer's ChainID is its DiffID, every other is
 * {@code sha256(parentChainID + " " + DiffID)}. Two images share a layer on disk only when the ChainIDs match,
 * i.e. the same layer on top of the same layers.
 */
public final class ChainIds {
    private ChainIds() {}

    /** The ChainID of each layer, base first, for {@code diffIds} base first. */
    public static List<String> of(List<String> diffIds) {
        List<String> out = new ArrayList<>();
        String parent = null;
        for (String diffId : diffIds) {
            String chain = parent == null ? diffId : "sha256:" + sha256(parent + " " + diffId);
            out.add(chain);
            parent = chain;
        }
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
