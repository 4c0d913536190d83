package dev.berth.runtime.image.registry;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Engine-wide registry settings, as in dockerd's daemon.json: {@code insecureRegistries} entries are
 * {@code host[:port]} or CIDR ranges that may be reached without verified TLS; {@code mirrors} are Docker Hub
 * mirror URLs; {@code maxConcurrentDownloads} bounds parallel layer downloads (enforced by the caller);
 * {@code maxRetries} counts retries of transient failures; {@code timeout} bounds connecting and waiting for
 * response headers.
 */
public record RegistryOptions(
        Set<String> insecureRegistries, List<String> mirrors, int maxConcurrentDownloads, int maxRetries,
        Duration timeout) {

    public RegistryOptions {
        insecureRegistries = insecureRegistries == null ? Set.of() : Set.copyOf(insecureRegistries);
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
        if (maxConcurrentDownloads < 1) {
            throw new IllegalArgumentException("maxConcurrentDownloads must be at least 1");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    /** dockerd's defaults: 3 concurrent downloads, 5 attempts (4 retries), no insecure registries or mirrors. */
    public static RegistryOptions defaults() {
        return new RegistryOptions(Set.of(), List.of(), 3, 4, Duration.ofSeconds(30));
    }
}
