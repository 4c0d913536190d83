package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static String url(String json) {
        return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesTheDockerCliHeader() {
        // The CLI base64url-encodes JSON; "?>" in a password makes '_' and '-' appear in the encoding.
        String json = "{\"username\":\"alice\",\"password\":\"s3cr?t>>\",\"serveraddress\":\"localhost:5000\"}";
        String header = url(json);
        assertTrue(header.contains("_") || header.contains("-"), "test data should exercise the url alphabet");
        Credentials c = Credentials.fromRegistryAuthHeader(header);
        assertEquals("alice", c.username());
        assertEquals("s3cr?t>>", c.password());
        assertNull(c.identityToken());
        assertFalse(c.isAnonymous());
    }

    @Test
    void acceptsStandardBase64AndMissingPadding() {
        String json = "{\"username\":\"bob\",\"password\":\"s3cr?t>>\"}";
        String standard = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("bob", Credentials.fromRegistryAuthHeader(standard).username());
        String unpadded = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("s3cr?t>>", Credentials.fromRegistryAuthHeader(unpadded).password());
    }

    @Test
    void readsTokensAndTheAuthField() {
        Credentials tokens = Credentials
                .fromRegistryAuthHeader(url("{\"identitytoken\":\"id-1\",\"registrytoken\":\"rt-2\"}"));
        assertEquals("id-1", tokens.identityToken());
        assertEquals("rt-2", tokens.registryToken());
        String auth = Base64.getEncoder().encodeToString("carol:pa:ss".getBytes(StandardCharsets.UTF_8));
        Credentials fromAuth = Credentials.fromRegistryAuthHeader(url("{\"auth\":\"" + auth + "\"}"));
        assertEquals("carol", fromAuth.username());
        assertEquals("pa:ss", fromAuth.password());
    }

    @Test
    void missingOrEmptyMeansAnonymous() {
        assertTrue(Credentials.fromRegistryAuthHeader(null).isAnonymous());
        assertTrue(Credentials.fromRegistryAuthHeader("").isAnonymous());
        assertTrue(Credentials.fromRegistryAuthHeader(url("{}")).isAnonymous());
        assertTrue(Credentials.fromRegistryAuthHeader(url("{\"username\":\"\",\"password\":\"\"}")).isAnonymous());
        assertTrue(Credentials.anonymous().isAnonymous());
    }

    @Test
    void garbageIsAnInvalidArgument() {
        assertThrows(InvalidArgumentException.class, () -> Credentials.fromRegistryAuthHeader("%%%not-base64%%%"));
        assertThrows(InvalidArgumentException.class, () -> Credentials.fromRegistryAuthHeader(url("not json")));
        assertThrows(InvalidArgumentException.class, () -> Credentials.fromRegistryAuthHeader(url("[1,2]")));
        assertThrows(InvalidArgumentException.class,
                () -> Credentials.fromRegistryAuthHeader(url("{\"auth\":\"bm9jb2xvbg==\"}"))); // "nocolon"
    }

    @Test
    void neverPrintsSecrets() {
        Credentials c = new Credentials("alice", "hunter2", "idtok", "regtok");
        assertFalse(c.toString().contains("hunter2"));
        assertFalse(c.toString().contains("idtok"));
        assertFalse(c.cacheKey().contains("hunter2"));
        assertTrue(c.basicHeader().startsWith("Basic "));
    }
}
