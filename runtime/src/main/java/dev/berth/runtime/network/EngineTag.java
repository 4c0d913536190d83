package dev.berth.runtime.network;

import dev.berth.runtime.common.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The short random tag that marks host objects as this engine's: its iptables rules (a comment), its network
 * namespaces and its host-side veths (in their names). Two engines on one host share the bridge-independent parts
 * (the {@code BERTH-*} chains, {@code /run/netns}, the link namespace); the tag lets each repair and clean up only
 * what it made. It is created once per data root and kept in {@code <data-root>/networks/engine-tag}.
 *
 * @param value four lowercase hex digits (short because a veth name has at most 15 characters)
 */
public record EngineTag(String value) {
    private static final String FILE = "engine-tag";

    public EngineTag {
        if (value == null || !value.matches("[0-9a-f]{4}")) {
            throw new IllegalArgumentException("engine tag must be four hex digits, got " + value);
        }
    }

    /** The tag stored in {@code networksDir}, created there on first use. */
    public static EngineTag loadOrCreate(Path networksDir) {
        Path file = networksDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new EngineTag(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] b = new byte[2];
            new SecureRandom().nextBytes(b);
            EngineTag tag = new EngineTag(HexFormat.of().formatHex(b));
            AtomicFiles.write(file, tag.value().getBytes(StandardCharsets.US_ASCII));
            return tag;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** The iptables comment on every rule of this engine ({@code -m comment --comment berth:<tag>}). */
    public String ruleComment() {
        return "berth:" + value;
    }

    /** Names of namespaces this engine creates start with this. */
    public String netnsPrefix() {
        return "berthns-" + value + "-";
    }

    /** The namespace name of a container: prefix plus the short container ID. */
    public String netnsName(String containerId) {
        return netnsPrefix() + (containerId.length() > 12 ? containerId.substring(0, 12) : containerId);
    }

    /** Names of host-side veths this engine creates start with this. */
    public String vethPrefix() {
        return "vb" + value;
    }
}
