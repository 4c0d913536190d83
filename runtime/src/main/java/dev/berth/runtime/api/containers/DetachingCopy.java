package dev.berth.runtime.api.containers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Copies client keystrokes to a process until EOF or the detach sequence. Bytes that might begin the sequence
 * are held back until it is clear they do not (moby's escapeProxy does the same), so a completed sequence
 * never reaches the process and a broken one arrives intact.
 */
final class DetachingCopy {
    /** Where the keystrokes go. */
    interface Sink {
        void write(byte[] data) throws IOException;
    }

    private DetachingCopy() {}

    /** Returns true when the client typed the detach keys, false when its input ended. */
    static boolean copy(InputStream in, Sink sink, byte[] detachKeys) throws IOException {
        byte[] buf = new byte[8192];
        int matched = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            ByteArrayOutputStream pass = new ByteArrayOutputStream(n + detachKeys.length);
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (detachKeys.length > 0 && b == detachKeys[matched]) {
                    matched++;
                    if (matched == detachKeys.length) {
                        sink.write(pass.toByteArray());
                        return true;
                    }
                    continue;
                }
                if (matched > 0) {
                    pass.write(detachKeys, 0, matched); // a false start: release what was held back
                    matched = 0;
                    if (detachKeys.length > 0 && b == detachKeys[0]) {
                        matched = 1;
                        continue;
                    }
                }
                pass.write(b);
            }
            if (pass.size() > 0) {
                sink.write(pass.toByteArray());
            }
        }
        if (matched > 0) {
            sink.write(java.util.Arrays.copyOf(detachKeys, matched));
        }
        return false;
    }
}
