package dev.berth.runtime.image.registry;

import dev.berth.runtime.image.reference.ImageReference;
import java.util.Locale;
import java.util.Set;

/** Normalizes the many spellings of a registry address ({@code https://index.docker.io/v1/}, {@code localhost:5000}). */
final class RegistryHosts {
    /** The key docker's config.json uses for Docker Hub. */
    static final String DOCKER_HUB_CONFIG_KEY = "https://index.docker.io/v1/";
    private static final Set<String> DOCKER_HUB_ALIASES = Set.of(
            "docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

    private RegistryHosts() {}

    /** {@code host[:port]} of an address that may carry a scheme and a path (docker's {@code ConvertToHostname}). */
    static String hostOf(String address) {
        String s = address.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        return s;
    }

    /** True if the address names Docker Hub in any of its spellings. */
    static boolean isDockerHub(String address) {
        return DOCKER_HUB_ALIASES.contains(hostOf(address).toLowerCase(Locale.ROOT));
    }

    /** The host the registry API answers on: Docker Hub's aliases become {@code registry-1.docker.io}. */
    static String apiHost(String address) {
        return isDockerHub(address) ? ImageReference.DOCKER_HUB_REGISTRY_HOST : hostOf(address);
    }
}
