package dev.berth.runtime.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {
    @Test
    void hashesAndPrintsLikeDocker() {
        Digest d = Digest.sha256("".getBytes(StandardCharsets.UTF_8));
        assertEquals("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", d.toString());
        assertEquals("e3b0c44298fc", d.shortHex());
        assertEquals(d, Digest.parse(d.toString()));
    }

    @Test
    void rejectsMalformedDigests() {
        assertThrows(InvalidArgumentException.class, () -> Digest.parse("sha256:abc"));
        assertThrows(InvalidArgumentException.class, () -> Digest.parse("md5:" + "a".repeat(32)));
        assertThrows(InvalidArgumentException.class, () -> Digest.parse("nocolon"));
        assertFalse(Digest.isDigest("sha256:" + "G".repeat(64)));
    }
}
