package dev.berth.app.engine;

import com.github.dockerjava.api.model.AuthConfig;
import dev.berth.app.credentials.DockerConfigFile;
import dev.berth.app.credentials.RegistryLogin;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The credentials a pull, push or build sends, from where the docker CLI keeps them (config.json and the credential
 * helpers it names). docker-java reads only the file's own {@code auths}, so a person whose passwords live in a
 * keyring, as they do with Docker Desktop, could not pull their private images through the app.
 */
final class RegistryAuths {
    private final Supplier<DockerConfigFile> config;

    RegistryAuths(Supplier<DockerConfigFile> config) {
        this.config = config;
    }

    /** The registry a repository lives on, in the key form config.json uses (Docker Hub's for bare names). */
    static String registryOf(String repository) {
        int slash = repository.indexOf('/');
        String first = slash < 0 ? "" : repository.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        return host ? first : DockerConfigFile.DOCKER_HUB;
    }

    /** The login for {@code repository}'s registry as docker-java's AuthConfig; empty when there is none. */
    Optional<AuthConfig> forRepository(String repository) {
        String registry = registryOf(repository);
        try {
            return config.get().loginFor(registry).map(l -> toAuthConfig(registry, l));
        } catch (IOException e) {
            throw new EngineException("Cannot read the saved credentials for " + registry + ": " + e.getMessage(), 0,
                    e);
        }
    }

    /** Every login, by registry, as a build's {@code X-Registry-Config} carries them. */
    Map<String, AuthConfig> all() {
        Map<String, AuthConfig> out = new LinkedHashMap<>();
        try {
            config.get().allLogins().forEach((server, l) -> out.put(server, toAuthConfig(server, l)));
        } catch (IOException unreadable) {
            // A build without saved logins still builds from public bases.
        }
        return out;
    }

    private static AuthConfig toAuthConfig(String server, RegistryLogin l) {
        AuthConfig a = new AuthConfig().withRegistryAddress(server);
        if (l.hasIdentityToken()) {
            return a.withIdentityToken(l.identityToken());
        }
        return a.withUsername(l.user()).withPassword(l.password());
    }
}
