package dev.berth.runtime.image.oci;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;

/** An image platform (os/architecture/variant) in Go's naming, as used by OCI indexes and the {@code platform} parameter. */
public record Platform(
        @JsonProperty("architecture") String architecture,
        @JsonProperty("os") String os,
        @JsonProperty("os.version") String osVersion,
        @JsonProperty("os.features") List<String> osFeatures,
        @JsonProperty("variant") String variant) {

    /** Parses {@code os[/arch[/variant]]} as docker's {@code --platform} does. */
    public static Platform parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("/");
        if (parts.length < 1 || parts.length > 3 || parts[0].isEmpty()) {
            throw new InvalidArgumentException("invalid platform \"" + text + "\": expected os/arch[/variant]");
        }
        String arch = parts.length > 1 ? normalizeArch(parts[1]) : host().architecture();
        String variant = parts.length > 2 ? parts[2] : null;
        if ("arm64".equals(arch) && "v8".equals(variant)) {
            variant = null; // arm64 implies v8; indexes usually omit it
        }
        return new Platform(arch, parts[0], null, null, variant);
    }

    /** The platform of this machine, in Go's architecture names. */
    public static Platform host() {
        return new Platform(normalizeArch(System.getProperty("os.arch")), "linux", null, null, null);
    }

    /** Maps JVM and uname architecture names to Go's ({@code x86_64} → {@code amd64}). */
    public static String normalizeArch(String arch) {
        return switch (arch) {
            case "x86_64", "x86-64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "i386", "i686", "x86" -> "386";
            case "armhf", "armel", "arm" -> "arm";
            default -> arch;
        };
    }

    /** True if an index entry with platform {@code candidate} can run here when {@code this} is wanted. */
    public boolean matches(Platform candidate) {
        if (candidate == null) {
            return false;
        }
        if (!os.equals(candidate.os()) || !architecture.equals(candidate.architecture())) {
            return false;
        }
        String wanted = variant == null || variant.isEmpty() ? null : variant;
        String offered = candidate.variant() == null || candidate.variant().isEmpty() ? null : candidate.variant();
        if ("arm64".equals(architecture) && "v8".equals(offered)) {
            offered = null;
        }
        return wanted == null || wanted.equals(offered);
    }

    /** {@code os/arch[/variant]}. */
    @JsonIgnore
    public String display() {
        return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
    }
}
