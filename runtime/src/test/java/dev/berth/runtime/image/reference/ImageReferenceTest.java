package dev.berth.runtime.image.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.digest.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
    private static final String HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            busybox                         | docker.io         | library/busybox        | -      | docker.io/library/busybox          | busybox
            busybox:latest                  | docker.io         | library/busybox        | latest | docker.io/library/busybox:latest   | busybox:latest
            library/busybox:1.36            | docker.io         | library/busybox        | 1.36   | docker.io/library/busybox:1.36     | busybox:1.36
            docker.io/busybox               | docker.io         | library/busybox        | -      | docker.io/library/busybox          | busybox
            docker.io/library/busybox       | docker.io         | library/busybox        | -      | docker.io/library/busybox          | busybox
            index.docker.io/busybox:musl    | docker.io         | library/busybox        | musl   | docker.io/library/busybox:musl     | busybox:musl
            user/app                        | docker.io         | user/app               | -      | docker.io/user/app                 | user/app
            user/app:v1.0_rc-2              | docker.io         | user/app               | v1.0_rc-2 | docker.io/user/app:v1.0_rc-2    | user/app:v1.0_rc-2
            docker.io/library/a/b           | docker.io         | library/a/b            | -      | docker.io/library/a/b              | library/a/b
            localhost/foo                   | localhost         | foo                    | -      | localhost/foo                      | localhost/foo
            localhost:5000/foo/bar:v2       | localhost:5000    | foo/bar                | v2     | localhost:5000/foo/bar:v2          | localhost:5000/foo/bar:v2
            127.0.0.1:5000/x                | 127.0.0.1:5000    | x                      | -      | 127.0.0.1:5000/x                   | 127.0.0.1:5000/x
            [::1]:5000/x:y                  | [::1]:5000        | x                      | y      | [::1]:5000/x:y                     | [::1]:5000/x:y
            ghcr.io/org/team/tool:1         | ghcr.io           | org/team/tool          | 1      | ghcr.io/org/team/tool:1            | ghcr.io/org/team/tool:1
            Example.COM/foo                 | Example.COM       | foo                    | -      | Example.COM/foo                    | Example.COM/foo
            Registry/foo                    | Registry          | foo                    | -      | Registry/foo                       | Registry/foo
            myhost:5000/a.b_c__d---e        | myhost:5000       | a.b_c__d---e           | -      | myhost:5000/a.b_c__d---e           | myhost:5000/a.b_c__d---e
            foo_bar                         | docker.io         | library/foo_bar        | -      | docker.io/library/foo_bar          | foo_bar
            my-registry.example.com:443/a:B | my-registry.example.com:443 | a           | B      | my-registry.example.com:443/a:B    | my-registry.example.com:443/a:B
            """)
    void parsesAndNormalizes(String text, String domain, String path, String tag, String canonical, String familiar) {
        ImageReference ref = ImageReference.parse(text);
        assertEquals(domain, ref.domain());
        assertEquals(path, ref.path());
        assertEquals(tag, ref.tag());
        assertNull(ref.digest());
        assertEquals(canonical, ref.toString());
        assertEquals(familiar, ref.familiarString());
    }

    @Test
    void parsesDigestWithAndWithoutTag() {
        ImageReference byDigest = ImageReference.parse("localhost:5000/foo@sha256:" + HEX);
        assertEquals(Digest.parse("sha256:" + HEX), byDigest.digest());
        assertNull(byDigest.tag());
        assertEquals("localhost:5000/foo@sha256:" + HEX, byDigest.familiarString());

        ImageReference both = ImageReference.parse("busybox:1.36@sha256:" + HEX);
        assertEquals("1.36", both.tag());
        assertEquals("docker.io/library/busybox:1.36@sha256:" + HEX, both.toString());
        assertEquals("busybox:1.36@sha256:" + HEX, both.familiarString());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                   | invalid reference format
            :tag                                 | invalid reference format
            foo:                                 | invalid reference format
            foo::bar                             | invalid reference format
            a:b:c                                | invalid reference format
            foo/                                 | invalid reference format
            /foo                                 | invalid reference format
            foo//bar                             | invalid reference format
            -foo                                 | invalid reference format
            foo-                                 | invalid reference format
            foo_                                 | invalid reference format
            foo___bar                            | invalid reference format
            foo..bar                             | invalid reference format
            foo:-tag                             | invalid reference format
            foo:.tag                             | invalid reference format
            foo bar                              | invalid reference format
            foo@sha256:abc                       | invalid reference format
            foo@                                 | invalid reference format
            localhost:port/foo                   | invalid reference format
            -host.com/foo                        | invalid reference format
            a_b.c/foo                            | invalid reference format
            Busybox                              | invalid reference format: repository name (library/Busybox) must be lowercase
            user/App                             | invalid reference format: repository name (user/App) must be lowercase
            localhost:5000/Foo:tag               | invalid reference format: repository name (Foo) must be lowercase
            foo@md5:0123456789abcdef0123456789abcdef | unsupported digest algorithm
            foo@sha256:0123456789abcdef0123456789abcdef | invalid checksum digest length
            """)
    void rejectsWithDockersWording(String text, String message) {
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void rejectsBareImageIds() {
        String id = HEX;
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(id));
        assertEquals("invalid repository name (" + id + "), cannot specify 64-byte hexadecimal strings",
                e.getMessage());
        // A 64-hex component inside a longer name is a legitimate repository name.
        assertEquals("docker.io/user/" + id, ImageReference.parse("user/" + id).toString());
    }

    @Test
    void rejectsUppercaseDigestHexAndTooLongNames() {
        assertEquals("invalid checksum digest format",
                assertThrows(InvalidReferenceException.class,
                        () -> ImageReference.parse("foo@sha256:" + HEX.toUpperCase())).getMessage());
        String longName = "localhost:5000/" + "a".repeat(250);
        assertEquals("invalid reference format: repository name must not be more than 255 characters",
                assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(longName)).getMessage());
        assertTrue(InvalidArgumentException.class.isAssignableFrom(InvalidReferenceException.class));
    }

    @Test
    void tagsAreValidatedAndBounded() {
        assertTrue(ImageReference.isValidTag("latest"));
        assertTrue(ImageReference.isValidTag("_x"));
        assertTrue(ImageReference.isValidTag("V1.2-rc_3"));
        assertTrue(ImageReference.isValidTag("a".repeat(128)));
        assertFalse(ImageReference.isValidTag("a".repeat(129)));
        assertFalse(ImageReference.isValidTag(".x"));
        assertFalse(ImageReference.isValidTag("-x"));
        assertFalse(ImageReference.isValidTag("a/b"));
        assertFalse(ImageReference.isValidTag(""));
        assertFalse(ImageReference.isValidTag(null));
        assertEquals("invalid reference format", assertThrows(InvalidReferenceException.class,
                () -> ImageReference.parse("foo:" + "a".repeat(129))).getMessage());
        assertThrows(InvalidReferenceException.class, () -> ImageReference.parse("foo").withTag("bad tag"));
    }

    @Test
    void defaultTagOnlyWhenNeitherTagNorDigest() {
        assertEquals("docker.io/library/busybox:latest", ImageReference.parse("busybox").withDefaultTag().toString());
        assertEquals("busybox:1", ImageReference.parse("busybox:1").withDefaultTag().familiarString());
        ImageReference pinned = ImageReference.parse("busybox@sha256:" + HEX);
        assertEquals(pinned, pinned.withDefaultTag());
    }

    @Test
    void withersKeepTheRepository() {
        ImageReference ref = ImageReference.parse("localhost:5000/a/b:1");
        Digest d = Digest.parse("sha256:" + HEX);
        assertEquals("localhost:5000/a/b:2", ref.withTag("2").familiarString());
        assertEquals("localhost:5000/a/b:1@sha256:" + HEX, ref.withDigest(d).familiarString());
        assertEquals("localhost:5000/a/b", ref.withDigest(d).withoutTagOrDigest().toString());
        assertEquals("localhost:5000/a/b", ref.repository());
        assertEquals("localhost:5000/a/b", ref.familiarRepository());
    }

    @Test
    void registryHostMapsDockerHub() {
        assertEquals("registry-1.docker.io", ImageReference.parse("busybox").registryHost());
        assertEquals("registry-1.docker.io", ImageReference.parse("index.docker.io/user/x").registryHost());
        assertEquals("localhost:5000", ImageReference.parse("localhost:5000/x").registryHost());
        assertEquals("busybox", ImageReference.parse("busybox").familiarRepository());
        assertEquals("docker.io/library/busybox", ImageReference.parse("busybox").repository());
    }
}
