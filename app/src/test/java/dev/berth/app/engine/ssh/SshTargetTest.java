package dev.berth.app.engine.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** ssh:// addresses as the docker CLI takes them. */
class SshTargetTest {
    @Test
    void userHostAndPortWithSshsDefaults() {
        assertEquals(new SshTarget("deploy", "build.example", 2222),
                SshTarget.parse("ssh://deploy@build.example:2222", "me"));
        assertEquals(new SshTarget("me", "10.0.0.5", 22), SshTarget.parse("ssh://10.0.0.5", "me"));
        assertEquals(new SshTarget("me", "host", 22), SshTarget.parse(" ssh://host/ ", "me"));
        assertEquals("deploy@build.example:2222", SshTarget.parse("ssh://deploy@build.example:2222", "me").toString());
    }

    @Test
    void sshConfigGivesAnAliasItsHostUserPortAndKeyUnlessTheAddressSaysOtherwise(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) throws Exception {
        java.nio.file.Path ssh = java.nio.file.Files.createDirectories(home.resolve(".ssh"));
        java.nio.file.Files.writeString(ssh.resolve("config"), String.join("\n", "Host build", "  HostName 10.1.2.3",
                "  User deploy", "  Port 2222", "  IdentityFile ~/.ssh/deploy_key", "", "Host bastioned",
                "  ProxyJump jump.example", ""));
        SshSettings settings = new SshSettings(ssh, "", SshSettings.DIAL);
        SshTarget build = SshTarget.resolve("ssh://build", "me", settings);
        assertEquals(new SshTarget("deploy", "10.1.2.3", 2222, java.util.List.of(ssh.resolve("deploy_key"))), build);
        SshTarget explicit = SshTarget.resolve("ssh://root@build:23", "me", settings);
        assertEquals("root@10.1.2.3:23", explicit.toString());
        assertEquals(new SshTarget("me", "other.example", 22), SshTarget.resolve("ssh://other.example", "me",
                settings));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SshTarget.resolve(
                "ssh://bastioned", "me", settings));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("ProxyJump"), e.getMessage());
    }

    @Test
    void anIpv6HostLosesItsBracketsAsKnownHostsWantsIt() {
        SshTarget t = SshTarget.parse("ssh://me@[::1]:2222", "x");
        assertEquals("::1", t.host());
        assertEquals("[::1]:2222", UnknownHostKeyException.hostPattern(t));
        assertEquals("::1", UnknownHostKeyException.hostPattern(SshTarget.parse("ssh://[::1]", "x")));
    }

    @Test
    void trustingAppendsOneLineOnceAfterALastLineWithoutItsNewline(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path ssh) throws Exception {
        java.nio.file.Files.writeString(ssh.resolve("known_hosts"), "other.example ssh-ed25519 AAAAold");
        var settings = new SshSettings(ssh, "", "true");
        var unknown = new UnknownHostKeyException(new SshTarget("u", "box", 2222), "ssh-ed25519", "SHA256:x",
                "AAAAnew", false);
        KnownHostsFile.trust(settings, unknown);
        KnownHostsFile.trust(settings, unknown);
        assertEquals("other.example ssh-ed25519 AAAAold\n[box]:2222 ssh-ed25519 AAAAnew\n",
                java.nio.file.Files.readString(ssh.resolve("known_hosts")));
        var changed = new UnknownHostKeyException(new SshTarget("u", "box", 2222), "ssh-ed25519", "SHA256:y",
                "AAAAother", true);
        assertThrows(java.io.IOException.class, () -> KnownHostsFile.trust(settings, changed));
    }

    @Test
    void whatIsNotAnSshHostIsRefusedInWords() {
        assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("tcp://host:2375", "me"));
        assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("ssh://", "me"));
        assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("ssh://host/var/run/docker.sock", "me"));
        assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("ssh://ho st", "me"));
    }

    @Test
    void knownHostsNamesANonStandardPortInBrackets() {
        assertEquals("host", UnknownHostKeyException.hostPattern(new SshTarget("u", "host", 22)));
        assertEquals("[host]:2222", UnknownHostKeyException.hostPattern(new SshTarget("u", "host", 2222)));
    }

    @Test
    void theFingerprintIsTheOneSshKeygenPrints() {
        // ssh-keygen -lf of this ed25519 public key printed the fingerprint below.
        assertEquals("SHA256:uI2BDVPwFD3bNoUE0gPx557Gen9kIL6ZhPtOWLwaJVE",
                SshTunnel.fingerprint("AAAAC3NzaC1lZDI1NTE5AAAAIOGm5W23t0d+4sLUUYwGcLulrVzPU0wIZktFXLEP0/lq"));
    }
}
