package dev.berth.app.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.app.testing.FakeCredentialHelper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-ins go where the docker CLI puts them: the configured helper, the desktop's store, the file only without one. */
class DockerConfigFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private Path configFile() {
        return dir.resolve("docker/config.json");
    }

    private DockerConfigFile config(Map<String, String> env, String content) throws IOException {
        if (content != null) {
            Files.createDirectories(configFile().getParent());
            Files.writeString(configFile(), content);
        }
        return new DockerConfigFile(configFile(), env);
    }

    @Test
    void aConfiguredStoreKeepsThePasswordAndTheFileOnlyListsTheServer() throws Exception {
        FakeCredentialHelper helper = FakeCredentialHelper.install(dir, "vault");
        DockerConfigFile config = config(helper.env(), "{\"credsStore\":\"vault\",\"psFormat\":\"x\"}");
        assertEquals(Optional.of("vault"), config.store("localhost:5000", "alice", "s3cret", ""));
        JsonNode root = JSON.readTree(configFile().toFile());
        assertTrue(root.at("/auths/localhost:5000").isObject());
        assertEquals(0, root.at("/auths/localhost:5000").size(), "no secret in the file");
        assertFalse(Files.readString(configFile()).contains("s3cret"));
        assertEquals("x", root.get("psFormat").asText());
        assertTrue(helper.kept("localhost:5000").contains("\"Secret\":\"s3cret\""));

        assertEquals(Optional.of(new RegistryLogin("localhost:5000", "alice", "s3cret", "")),
                config.loginFor("localhost:5000"));
        assertEquals(List.of(new DockerConfigFile.Entry("localhost:5000", "alice")), config.entries());
        assertEquals(Map.of("localhost:5000", new RegistryLogin("localhost:5000", "alice", "s3cret", "")),
                config.allLogins());

        assertTrue(config.remove("localhost:5000"));
        assertNull(helper.kept("localhost:5000"), "erased from the helper");
        assertEquals(Optional.empty(), config.loginFor("localhost:5000"));
        assertEquals(List.of(), config.entries());
    }

    @Test
    void aRegistrysOwnHelperWinsAndIdentityTokensTravelAsTheCliSendsThem() throws Exception {
        FakeCredentialHelper store = FakeCredentialHelper.install(dir, "vault");
        FakeCredentialHelper ecr = FakeCredentialHelper.install(dir, "ecr");
        DockerConfigFile config = config(store.env(),
                "{\"credsStore\":\"vault\",\"credHelpers\":{\"aws.example\":\"ecr\"}}");
        assertEquals(Optional.of("ecr"), config.store("aws.example", "bob", "", "tok-123"));
        assertTrue(ecr.kept("aws.example").contains("\"Username\":\"<token>\""), ecr.kept("aws.example"));
        assertNull(store.kept("aws.example"));
        assertEquals(Optional.of(new RegistryLogin("aws.example", "", "", "tok-123")), config.loginFor("aws.example"));
    }

    @Test
    void withoutAConfiguredStoreTheDesktopsIsAdoptedAsTheCliDoes() throws Exception {
        FakeCredentialHelper pass = FakeCredentialHelper.install(dir, "pass");
        Path fakePass = pass.bin().resolve("pass");
        Files.writeString(fakePass, "#!/bin/sh\nexit 0\n");
        fakePass.toFile().setExecutable(true);
        Path passStore = Files.createDirectories(dir.resolve("password-store"));
        Map<String, String> env = new HashMap<>(pass.env());
        env.put("PASSWORD_STORE_DIR", passStore.toString());
        assertEquals(Optional.empty(), DockerConfigFile.desktopStore(env),
                "pass is installed but nobody set up a store");
        Files.writeString(passStore.resolve(".gpg-id"), "ABCDEF\n");
        assertEquals(Optional.of("pass"), DockerConfigFile.desktopStore(env));

        DockerConfigFile config = config(env, null);
        assertEquals(Optional.of("pass"), config.storeFor("registry.example.com"));
        assertEquals(Optional.of("pass"), config.store("registry.example.com", "carol", "pw", null));
        assertEquals("pass", JSON.readTree(configFile().toFile()).get("credsStore").asText());
        assertTrue(pass.kept("registry.example.com").contains("\"Username\":\"carol\""));
    }

    @Test
    void aDesktopStoreThatRefusesThePasswordIsNotAdopted() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path helper = bin.resolve("docker-credential-secretservice");
        Files.writeString(helper,
                "#!/bin/sh\ncat >/dev/null\necho 'Cannot autolaunch D-Bus without X11 $DISPLAY' >&2\nexit 1\n");
        helper.toFile().setExecutable(true);
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", dir.toString(),
                "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        DockerConfigFile config = config(env, "{\"psFormat\":\"x\"}");
        IOException e = assertThrows(IOException.class, () -> config.store("localhost:5000", "alice", "s3cret", ""));
        assertTrue(e.getMessage().contains("Cannot autolaunch D-Bus"), e.getMessage());
        assertEquals("{\"psFormat\":\"x\"}", Files.readString(configFile()),
                "a store that failed is not left in charge of every registry's logins");
    }

    @Test
    void withNoStoreAtAllThePasswordGoesInTheFileAsDockerLoginWouldPutIt() throws Exception {
        DockerConfigFile config = config(Map.of("PATH", "/nonexistent"), null);
        assertEquals(Optional.empty(), config.storeFor("localhost:5000"));
        assertEquals(Optional.empty(), config.store("localhost:5000", "alice", "s3cret", ""));
        assertEquals("YWxpY2U6czNjcmV0",
                JSON.readTree(configFile().toFile()).at("/auths/localhost:5000/auth").asText());
        assertEquals(Optional.of(new RegistryLogin("localhost:5000", "alice", "s3cret", "")),
                config.loginFor("localhost:5000"));
    }

    @Test
    void aHelperTheConfigNamesButNobodyInstalledIsAClearError() throws Exception {
        DockerConfigFile config = config(Map.of("PATH", "/nonexistent"), "{\"credsStore\":\"osxkeychain\"}");
        IOException e = assertThrows(IOException.class, () -> config.loginFor("localhost:5000"));
        assertTrue(e.getMessage().contains("docker-credential-osxkeychain is not installed"), e.getMessage());
    }
}
