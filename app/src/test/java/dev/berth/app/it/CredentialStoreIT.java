package dev.berth.app.it;

import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.app.credentials.DockerConfigFile;
import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineException;
import dev.berth.app.settings.SignInViewModel;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sign-in on a desktop with a real credential store, Debian's {@code docker-credential-pass} over a pass store
 * encrypted with a gpg key this test makes: the app adopts the store as the docker CLI would, the password never
 * reaches config.json, the app's pulls and the docker CLI's read it from the store, and signing out erases it.
 */
class CredentialStoreIT {
    @RegisterExtension
    @Order(1)
    static RegistryExtension registry = RegistryExtension.basic("alice", "s3cret");

    @RegisterExtension
    @Order(2)
    static BerthdExtension berthd = BerthdExtension.fromCheckout();

    private static Path home;
    private static Map<String, String> env;

    @BeforeAll
    static void makeAPassStore() throws Exception {
        for (String tool : List.of("gpg", "pass", "docker-credential-pass")) {
            assumeTrue(onPath(tool), tool + " is not installed (scripts/install-deps --test installs gnupg, pass and "
                    + "golang-docker-credential-helpers)");
        }
        I18n.setLocale(Locale.ENGLISH);
        home = Files.createTempDirectory("berth-creds-home");
        Path gnupg = Files.createDirectories(home.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupg, PosixFilePermissions.fromString("rwx------"));
        env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("GNUPGHOME", gnupg.toString());
        env.put("PASSWORD_STORE_DIR", home.resolve("password-store").toString());
        env.put("DOCKER_CONFIG", home.resolve("docker").toString());
        run("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key",
                "Berth Test <test@berth.invalid>", "default", "default", "never");
        String fingerprint = run("gpg", "--list-keys", "--with-colons").lines().filter(l -> l.startsWith("fpr:"))
                .findFirst().orElseThrow().split(":")[9];
        run("pass", "init", fingerprint);
        TestImages.busybox().push(registry, "private/creds", "1");
    }

    @AfterAll
    static void stopTheAgent() throws Exception {
        if (env != null) {
            run("gpgconf", "--kill", "gpg-agent");
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " hung");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theAppAdoptsTheStorePullsFromItAndSignsOutOfIt() throws Exception {
        DockerConfigFile config = DockerConfigFile.forUser(env, home);
        String server = registry.host();
        String image = server + "/private/creds:1";
        try (Engine engine = new DockerJavaEngine(berthd.dockerHost()).withCredentials(config)) {
            SignInViewModel signIn = new SignInViewModel(() -> engine, Async.sameThread(), config);
            signIn.serverProperty().set(server);
            assertTrue(signIn.helperNoteProperty().get().contains("'pass'"), signIn.helperNoteProperty().get());
            signIn.userProperty().set("alice");
            signIn.passwordProperty().set("s3cret");
            signIn.signIn();
            assertEquals("", signIn.errorProperty().get());
            assertTrue(signIn.noticeProperty().get().contains("kept by the credential helper 'pass'"),
                    signIn.noticeProperty().get());

            String file = Files.readString(config.path());
            assertEquals("pass", new ObjectMapper().readTree(file).get("credsStore").asText(), file);
            assertFalse(file.contains("s3cret") || file.contains("YWxpY2U6czNjcmV0"), "no password in " + file);
            assertTrue(run("docker-credential-pass", "list").contains(server), "the store holds the login");
            assertEquals(List.of(new DockerConfigFile.Entry(server, "alice")), signIn.signedIn());

            engine.pullImage(image, p -> {});
            assertTrue(engine.listImages().stream().anyMatch(i -> i.repoTags().contains(image)));
            engine.removeImage(image, true);
            // The docker CLI reads the same login from the same store.
            String pulled = run("docker", "-H", berthd.dockerHost(), "pull", image);
            assertTrue(pulled.contains("Downloaded newer image") || pulled.contains(image), pulled);
            engine.removeImage(image, true);

            signIn.signOut(server);
            assertFalse(run("docker-credential-pass", "list").contains(server), "signing out erases it from the store");
            EngineException refused = assertThrows(EngineException.class, () -> engine.pullImage(image, p -> {}));
            assertTrue(refused.getMessage().toLowerCase(Locale.ROOT).contains("access denied")
                    || refused.getMessage().toLowerCase(Locale.ROOT).contains("unauthorized"), refused.getMessage());
        }
    }
}
