package dev.berth.app.terminal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Rewrites a cursor-position sequence's zero parameters to one ({@code ESC[0;0H} becomes {@code ESC[1;1H}), as
 * ECMA-48 and xterm read them. JediTermFX takes row 0 literally: busybox's less homes the cursor with
 * {@code ESC[0;0H} and then clears each line with {@code ESC[K}, and the first clear missed the top line, leaving
 * the old text after less's first line. Only CUP/HVP ({@code H}, {@code f}) sequences are touched; a sequence split
 * between two reads is held back until it is complete.
 */
final class CursorHomeFix extends FilterReader {
    private static final int MAX_SEQUENCE = 32;
    private final StringBuilder held = new StringBuilder();
    private String pending = "";

    CursorHomeFix(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        while (pending.isEmpty()) {
            char[] chunk = new char[Math.max(len, 64)];
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                if (held.isEmpty()) {
                    return -1;
                }
                pending = held.toString();
                held.setLength(0);
                break;
            }
            pending = filter(chunk, n);
        }
        int count = Math.min(len, pending.length());
        pending.getChars(0, count, buf, off);
        pending = pending.substring(count);
        return count;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public boolean ready() throws IOException {
        return !pending.isEmpty() || in.ready();
    }

    /** Passes text through, holding an unfinished escape sequence in {@link #held} and fixing finished CUPs. */
    private String filter(char[] chunk, int n) {
        StringBuilder out = new StringBuilder(n + 8);
        for (int i = 0; i < n; i++) {
            char c = chunk[i];
            if (held.isEmpty()) {
                if (c == '\u001b') {
                    held.append(c);
                } else {
                    out.append(c);
                }
                continue;
            }
            held.append(c);
            if (held.length() == 2 && c != '[') {
                out.append(held);
                held.setLength(0);
            } else if (held.length() > 2 && c >= 0x40 && c <= 0x7e) {
                out.append(fixed(held.toString()));
                held.setLength(0);
            } else if (held.length() > MAX_SEQUENCE) {
                out.append(held);
                held.setLength(0);
            }
        }
        return out.toString();
    }

    /** {@code ESC[r;cH} with zero (or empty) parameters made one; any other sequence as it was. */
    static String fixed(String sequence) {
        char last = sequence.charAt(sequence.length() - 1);
        String params = sequence.substring(2, sequence.length() - 1);
        if ((last != 'H' && last != 'f') || !params.matches("[0-9;]*")) {
            return sequence;
        }
        String[] parts = params.split(";", -1);
        StringBuilder b = new StringBuilder("\u001b[");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append(';');
            }
            b.append(parts[i].isEmpty() || Integer.parseInt(parts[i]) == 0 ? "1" : parts[i]);
        }
        return b.append(last).toString();
    }
}
