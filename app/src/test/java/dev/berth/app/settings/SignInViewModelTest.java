package dev.berth.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.app.credentials.DockerConfigFile;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;
    private final FakeEngine engine = new FakeEngine();
    private Path configFile;
    private SignInViewModel vm;

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        engine.registryPasswords.put("alice", "s3cret");
        configFile = home.resolve(".docker/config.json");
        vm = new SignInViewModel(() -> engine, Async.sameThread(), DockerConfigFile.forUser(Map.of(), home));
    }

    private void signIn(String server, String user, String password) {
        vm.serverProperty().set(server);
        vm.userProperty().set(user);
        vm.passwordProperty().set(password);
        vm.signIn();
    }

    @Test
    void goodCredentialsAreStoredAsTheDockerCliStoresThemKeepingOtherKeys() throws Exception {
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, "{\"auths\":{\"other.io\":{\"auth\":\"eDp5\"}},\"psFormat\":\"table {{.ID}}\","
                + "\"plugins\":{\"x\":{\"k\":\"v\"}}}");
        signIn("https://localhost:5000/", "alice", "s3cret");
        assertEquals("", vm.errorProperty().get());
        assertTrue(engine.calls.contains("signIn localhost:5000 alice"));
        JsonNode root = JSON.readTree(configFile.toFile());
        assertEquals(Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)),
                root.at("/auths/localhost:5000/auth").asText());
        assertEquals("eDp5", root.at("/auths/other.io/auth").asText());
        assertEquals("table {{.ID}}", root.get("psFormat").asText());
        assertEquals("v", root.at("/plugins/x/k").asText());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(configFile)));
        assertEquals("", vm.passwordProperty().get(), "the password does not linger in the form");
        assertEquals(
                List.of(new DockerConfigFile.Entry("localhost:5000", "alice"),
                        new DockerConfigFile.Entry("other.io", "x")),
                vm.signedIn());
        assertTrue(vm.noticeProperty().get().startsWith("Signed in to localhost:5000 as alice"));
    }

    @Test
    void aWrongPasswordIsTheRegistrysWordsAndNothingIsWritten() {
        signIn("localhost:5000", "alice", "wrong");
        assertTrue(vm.errorProperty().get().startsWith("Could not sign in to localhost:5000: "),
                vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("incorrect username or password"));
        assertFalse(Files.exists(configFile));
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aCredentialHelperKeepsThePasswordAndThePersonIsToldWhere() throws Exception {
        var helper = dev.berth.app.testing.FakeCredentialHelper.install(home, "vault");
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, "{\"credsStore\":\"vault\"}");
        vm = new SignInViewModel(() -> engine, Async.sameThread(), DockerConfigFile.forUser(helper.env(), home));
        vm.serverProperty().set("localhost:5000");
        assertTrue(vm.helperNoteProperty().get().contains("credential helper 'vault'"), vm.helperNoteProperty().get());
        signIn("localhost:5000", "alice", "s3cret");
        assertEquals("", vm.errorProperty().get());
        assertFalse(Files.readString(configFile).contains("s3cret"), "the password is not in the file");
        assertTrue(helper.kept("localhost:5000").contains("s3cret"));
        assertEquals("Signed in to localhost:5000 as alice; the password is kept by the credential helper 'vault'.",
                vm.noticeProperty().get());
        assertEquals(List.of(new DockerConfigFile.Entry("localhost:5000", "alice")), vm.signedIn());
        vm.signOut("localhost:5000");
        assertEquals(null, helper.kept("localhost:5000"));
    }

    @Test
    void withoutAnyStoreThePersonIsToldThePasswordIsInPlainText() {
        vm.serverProperty().set("localhost:5000");
        assertTrue(vm.helperNoteProperty().get().contains("saved unencrypted"), vm.helperNoteProperty().get());
        signIn("localhost:5000", "alice", "s3cret");
        assertTrue(vm.noticeProperty().get().contains("saved unencrypted in " + configFile), vm.noticeProperty().get());
    }

    @Test
    void signOutRemovesOnlyThatServer() throws Exception {
        signIn("", "alice", "s3cret");
        signIn("localhost:5000", "alice", "s3cret");
        assertEquals(2, vm.signedIn().size());
        assertEquals(DockerConfigFile.DOCKER_HUB, vm.signedIn().get(0).server());
        vm.signOut("localhost:5000");
        assertEquals(List.of(new DockerConfigFile.Entry(DockerConfigFile.DOCKER_HUB, "alice")), vm.signedIn());
        assertEquals("Signed out of localhost:5000.", vm.noticeProperty().get());
    }

    @Test
    void missingFieldsAreAProblemNotACall() {
        signIn("x.io", "", "");
        assertEquals("Enter a user name and a password.", vm.errorProperty().get());
        assertTrue(engine.calls.isEmpty());
    }

    @Test
    void dockerConfigEnvironmentVariableWins() {
        var f = DockerConfigFile.forUser(Map.of("DOCKER_CONFIG", "/etc/dc"), home);
        assertEquals(Path.of("/etc/dc/config.json"), f.path());
        assertEquals(DockerConfigFile.DOCKER_HUB, DockerConfigFile.serverKey("docker.io"));
        assertEquals("registry.example.com:5000", DockerConfigFile.serverKey("https://Registry.example.com:5000/v2/"));
    }
}
