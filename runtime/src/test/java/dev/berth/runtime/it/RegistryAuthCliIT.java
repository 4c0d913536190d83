package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docker login, pull and push through registries that demand Basic and Bearer-token authentication. */
class RegistryAuthCliIT {
    @RegisterExtension
    static RegistryExtension basic = RegistryExtension.basic("alice", "basic-secret");

    @RegisterExtension
    static RegistryExtension token = RegistryExtension.token("bob", "token-secret");

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    @Test
    void basicAuthRegistry() {
        loginPullPush(basic);
    }

    @Test
    void tokenAuthRegistry() {
        loginPullPush(token);
    }

    @Test
    void wrongPasswordIsAClearAuthenticationError() {
        for (RegistryExtension registry : new RegistryExtension[]{basic, token}) {
            CommandResult login = berthd.dockerWithInput("wrong".getBytes(StandardCharsets.UTF_8),
                    "login", "-u", registry.user(), "--password-stdin", registry.host());
            assertNotEquals(0, login.exitCode(), login.stdout());
            assertTrue(login.stderr().toLowerCase().contains("unauthorized"), login.stderr());
        }
    }

    @Test
    void anonymousPullFromProtectedRegistryFails() {
        TestImages.busybox().push(token, "auth/private", "1");
        CommandResult pull = berthd.docker("--config", "/nonexistent-berth-config", "pull",
                token.host() + "/auth/private:1");
        assertNotEquals(0, pull.exitCode());
        String err = pull.stderr().toLowerCase();
        assertTrue(err.contains("pull access denied") && err.contains("docker login"), pull.stderr());
    }

    private void loginPullPush(RegistryExtension registry) {
        TestImages.busybox().push(registry, "auth/app", "1");
        CommandResult login = berthd.dockerWithInput(registry.password().getBytes(StandardCharsets.UTF_8),
                "login", "-u", registry.user(), "--password-stdin", registry.host());
        assertEquals(0, login.exitCode(), login.stderr());
        assertTrue(login.stdout().contains("Login Succeeded"), login.stdout());

        CommandResult pull = berthd.docker("pull", registry.host() + "/auth/app:1");
        assertEquals(0, pull.exitCode(), pull.stderr());
        assertEquals(0,
                berthd.docker("tag", registry.host() + "/auth/app:1", registry.host() + "/auth/pushed:2").exitCode());
        CommandResult push = berthd.docker("push", registry.host() + "/auth/pushed:2");
        assertEquals(0, push.exitCode(), push.stderr());
        assertTrue(push.stdout().contains("2: digest: sha256:"), push.stdout());
    }

    @Test
    void aBuildPullsItsBaseFromAProtectedRegistryWithTheClientsLogin() throws Exception {
        TestImages.busybox().push(token, "auth/base", "1");
        java.nio.file.Path ctx = java.nio.file.Files.createTempDirectory(berthd.tempDir(), "build-auth");
        java.nio.file.Files.writeString(ctx.resolve("Dockerfile"),
                "FROM " + token.host() + "/auth/base:1\nRUN echo ok\n");
        CommandResult anonymous = berthd.docker("--config", "/nonexistent-berth-config", "build", ctx.toString());
        assertNotEquals(0, anonymous.exitCode(), anonymous.toString());
        CommandResult login = berthd.dockerWithInput(token.password().getBytes(StandardCharsets.UTF_8),
                "login", "-u", token.user(), "--password-stdin", token.host());
        assertEquals(0, login.exitCode(), login.stderr());
        CommandResult build = berthd.docker("build", "-t", "authbase:1", ctx.toString());
        assertEquals(0, build.exitCode(), "the CLI's X-Registry-Config carries the login: " + build);
    }
}
