package dev.berth.runtime.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class VersionedPathTest {
    @Test
    void noPrefixMeansTheNewestVersion() {
        assertEquals(new VersionedPath(ApiVersion.MAX, "/_ping"), VersionedPath.parse("/_ping"));
    }

    @Test
    void prefixIsSplitOff() {
        assertEquals(new VersionedPath(new ApiVersion(1, 44), "/containers/json"),
                VersionedPath.parse("/v1.44/containers/json"));
        assertEquals(new ApiVersion(1, 24), VersionedPath.parse("/v1.24/info").version());
    }

    @Test
    void tooOldIsRejectedWithMobysMessage() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> VersionedPath.parse("/v1.12/_ping"));
        assertEquals(
                "client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version",
                e.getMessage());
    }

    @Test
    void tooNewIsRejected() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> VersionedPath.parse("/v1.52/info"));
        assertTrue(e.getMessage().contains("too new"), e.getMessage());
    }

    @Test
    void versionsCompareNumerically() {
        assertTrue(new ApiVersion(1, 100).compareTo(new ApiVersion(1, 9)) > 0);
        assertTrue(new ApiVersion(1, 44).atLeast("1.42"));
        assertFalse(new ApiVersion(1, 41).atLeast("1.42"));
        assertThrows(InvalidArgumentException.class, () -> ApiVersion.parse("1."));
    }
}
