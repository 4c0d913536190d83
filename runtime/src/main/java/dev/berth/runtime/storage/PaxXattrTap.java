package dev.berth.runtime.storage;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Follows the record structure of the raw tar bytes that commons-compress reads, to keep the exact bytes of
 * {@code SCHILY.xattr.*} PAX values. commons-compress decodes PAX values as UTF-8, which mangles binary xattrs
 * such as {@code security.capability} (any byte >= 0x80, e.g. CAP_SETUID). The extractor cross-checks the
 * names against what commons-compress parsed and falls back to its strings if the two ever disagree.
 */
final class PaxXattrTap extends FilterInputStream {
    private static final int BLOCK = 512;
    static final String XATTR_PREFIX = "SCHILY.xattr.";

    private final byte[] header = new byte[BLOCK];
    private int headerFill;
    private long skip;
    private ByteArrayOutputStream pax;
    private long paxRemaining;
    private boolean sparseExtensions;
    private long sparseDataSize;
    private Map<String, byte[]> pendingXattrs = new HashMap<>();
    private Long pendingSize;
    private Map<String, byte[]> lastEntryXattrs = Map.of();

    PaxXattrTap(InputStream in) {
        super(in);
    }

    /** Raw xattr values (name without the SCHILY prefix) from the PAX header of the last entry header read. */
    Map<String, byte[]> lastEntryXattrs() {
        return lastEntryXattrs;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            feed(new byte[]{(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            feed(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must still be seen, so read them instead.
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int got = read(buf, 0, buf.length);
        return Math.max(got, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void feed(byte[] b, int off, int len) {
        while (len > 0) {
            if (skip > 0) {
                int n = (int) Math.min(skip, len);
                if (pax != null && paxRemaining > 0) {
                    int m = (int) Math.min(n, paxRemaining);
                    pax.write(b, off, m);
                    paxRemaining -= m;
                    if (paxRemaining == 0) {
                        finishPax();
                    }
                }
                skip -= n;
                off += n;
                len -= n;
                continue;
            }
            int n = Math.min(BLOCK - headerFill, len);
            System.arraycopy(b, off, header, headerFill, n);
            headerFill += n;
            off += n;
            len -= n;
            if (headerFill == BLOCK) {
                headerFill = 0;
                onHeader();
            }
        }
    }

    private void onHeader() {
        if (sparseExtensions) {
            // Old GNU sparse: extension blocks follow the header until one says it is the last.
            sparseExtensions = header[504] != 0;
            if (!sparseExtensions) {
                skip = padded(sparseDataSize);
            }
            return;
        }
        if (isZeroBlock()) {
            return;
        }
        byte type = header[156];
        long size = parseNumber(124, 12);
        switch (type) {
            case 'x', 'X' -> {
                pax = new ByteArrayOutputStream();
                paxRemaining = size;
                skip = padded(size);
                if (size == 0) {
                    finishPax();
                }
            }
            case 'g', 'L', 'K' -> skip = padded(size);
            default -> {
                lastEntryXattrs = pendingXattrs;
                long dataSize = pendingSize != null ? pendingSize : size;
                pendingXattrs = new HashMap<>();
                pendingSize = null;
                if (type == 'S' && header[482] != 0) {
                    sparseExtensions = true;
                    sparseDataSize = dataSize;
                } else {
                    skip = padded(dataSize);
                }
            }
        }
    }

    private void finishPax() {
        byte[] data = pax.toByteArray();
        pax = null;
        int p = 0;
        while (p < data.length) {
            int space = p;
            long length = 0;
            while (space < data.length && data[space] >= '0' && data[space] <= '9') {
                length = length * 10 + (data[space] - '0');
                space++;
            }
            if (space >= data.length || data[space] != ' ' || length <= 0 || p + length > data.length) {
                return; // malformed: commons-compress will report it
            }
            int end = (int) (p + length) - 1; // the record's trailing '\n'
            int eq = space + 1;
            while (eq < end && data[eq] != '=') {
                eq++;
            }
            if (eq < end) {
                String key = new String(data, space + 1, eq - space - 1, StandardCharsets.UTF_8);
                byte[] value = java.util.Arrays.copyOfRange(data, eq + 1, end);
                if (key.startsWith(XATTR_PREFIX)) {
                    pendingXattrs.put(key.substring(XATTR_PREFIX.length()), value);
                } else if (key.equals("size")) {
                    try {
                        pendingSize = Long.parseLong(new String(value, StandardCharsets.US_ASCII));
                    } catch (NumberFormatException ignored) {
                        // commons-compress rejects it
                    }
                }
            }
            p = end + 1;
        }
    }

    private boolean isZeroBlock() {
        for (byte b : header) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** A tar numeric field: octal text, or base-256 when the high bit of the first byte is set. */
    private long parseNumber(int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7f;
            for (int i = 1; i < length; i++) {
                value = (value << 8) | (header[offset + i] & 0xff);
            }
            return value;
        }
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            byte c = header[i];
            if (c >= '0' && c <= '7') {
                value = value * 8 + (c - '0');
            } else if (c == 0 || (c == ' ' && value > 0)) {
                break;
            }
        }
        return value;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }
}
