package dev.berth.runtime.api.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DetachingCopyTest {
    private static final byte[] CTRL_P_Q = {16, 17};

    private static String copy(byte[] input, boolean expectDetach) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean detached = DetachingCopy.copy(new ByteArrayInputStream(input), out::writeBytes, CTRL_P_Q);
        assertEquals(expectDetach, detached);
        return out.toString();
    }

    @Test
    void plainInputPassesUntilEof() throws IOException {
        assertEquals("echo hi\n", copy("echo hi\n".getBytes(), false));
    }

    @Test
    void theDetachSequenceStopsAndIsNotForwarded() throws IOException {
        assertEquals("ab", copy(new byte[]{'a', 'b', 16, 17, 'c'}, true));
    }

    @Test
    void aBrokenSequenceIsForwardedIntact() throws IOException {
        assertEquals(new String(new byte[]{'a', 16, 'b', 16}), copy(new byte[]{'a', 16, 'b', 16}, false));
        assertEquals(new String(new byte[]{16}), copy(new byte[]{16, 16, 17, 'x'}, true));
    }

    @Test
    void noDetachKeysMeansEverythingPasses() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertFalse(DetachingCopy.copy(new ByteArrayInputStream(new byte[]{16, 17}), out::writeBytes, new byte[0]));
        assertTrue(out.size() == 2);
    }
}
