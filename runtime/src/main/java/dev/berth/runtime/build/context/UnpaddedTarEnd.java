package dev.berth.runtime.build.context;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Completes a tar stream that stops right after its last file's bytes: the docker CLI sends {@code docker build -f -}
 * contexts that way (no padding to the 512-byte block and no end-of-archive blocks), which Go's tar reader accepts
 * and commons-compress calls truncated. After the real end, this stream reads as up to three blocks of zeros: the
 * padding of the last entry and the end-of-archive marker.
 */
final class UnpaddedTarEnd extends FilterInputStream {
    private static final int ZEROS = 3 * 512;
    private int zerosLeft = -1;

    UnpaddedTarEnd(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (zerosLeft < 0) {
            int n = in.read(b, off, len);
            if (n >= 0) {
                return n;
            }
            zerosLeft = ZEROS;
        }
        if (zerosLeft == 0) {
            return -1;
        }
        int n = Math.min(len, zerosLeft);
        java.util.Arrays.fill(b, off, off + n, (byte) 0);
        zerosLeft -= n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
