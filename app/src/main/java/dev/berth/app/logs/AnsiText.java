package dev.berth.app.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses text with ANSI escape sequences into styled {@link Span}s. SGR codes ({@code ESC[…m}) set colors (the 16
 * basic ones, 256-color and 24-bit) and bold/italic/underline; every other escape sequence is dropped, since a log
 * line cannot move a cursor.
 */
public final class AnsiText {
    /** xterm's default 16 colors, as RGB. */
    private static final int[] BASIC = {0x000000, 0xcd3131, 0x0dbc79, 0xe5e510, 0x2472c8, 0xbc3fbc, 0x11a8cd, 0xe5e5e5,
            0x666666, 0xf14c4c, 0x23d18b, 0xf5f543, 0x3b8eea, 0xd670d6, 0x29b8db, 0xffffff};

    /** A run of text in one style; colors are RGB, or -1 for the theme's default. */
    public record Span(String text, int foreground, int background, boolean bold, boolean italic, boolean underline) {}

    private AnsiText() {}

    /** The text without escape sequences: what search and copy work on. */
    public static String strip(String s) {
        if (s.indexOf('\u001b') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        parse(s).forEach(span -> sb.append(span.text()));
        return sb.toString();
    }

    public static List<Span> parse(String s) {
        List<Span> spans = new ArrayList<>();
        Style style = new Style();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\u001b') {
                text.append(c);
                i++;
                continue;
            }
            if (!text.isEmpty()) {
                spans.add(style.span(text.toString()));
                text.setLength(0);
            }
            if (i + 1 < s.length() && s.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < s.length() && (s.charAt(end) < 0x40 || s.charAt(end) > 0x7e)) {
                    end++;
                }
                if (end < s.length() && s.charAt(end) == 'm') {
                    style.apply(s.substring(i + 2, end));
                }
                i = Math.min(end + 1, s.length());
            } else {
                i += 2; // a two-character escape such as ESC( ; nothing to show
            }
        }
        if (!text.isEmpty() || spans.isEmpty()) {
            spans.add(style.span(text.toString()));
        }
        return spans;
    }

    /** The SGR state while parsing. */
    private static final class Style {
        int fg = -1;
        int bg = -1;
        boolean bold;
        boolean italic;
        boolean underline;

        Span span(String text) {
            return new Span(text, fg, bg, bold, italic, underline);
        }

        void apply(String params) {
            String[] parts = params.isEmpty() ? new String[]{"0"} : params.split("[;:]");
            for (int k = 0; k < parts.length; k++) {
                int code = number(parts[k]);
                switch (code) {
                    case 0 -> {
                        fg = -1;
                        bg = -1;
                        bold = false;
                        italic = false;
                        underline = false;
                    }
                    case 1 -> bold = true;
                    case 3 -> italic = true;
                    case 4 -> underline = true;
                    case 22 -> bold = false;
                    case 23 -> italic = false;
                    case 24 -> underline = false;
                    case 39 -> fg = -1;
                    case 49 -> bg = -1;
                    case 38, 48 -> {
                        int[] consumed = extended(parts, k);
                        if (code == 38) {
                            fg = consumed[0];
                        } else {
                            bg = consumed[0];
                        }
                        k += consumed[1];
                    }
                    default -> {
                        if (code >= 30 && code <= 37) {
                            fg = BASIC[code - 30];
                        } else if (code >= 90 && code <= 97) {
                            fg = BASIC[code - 90 + 8];
                        } else if (code >= 40 && code <= 47) {
                            bg = BASIC[code - 40];
                        } else if (code >= 100 && code <= 107) {
                            bg = BASIC[code - 100 + 8];
                        }
                    }
                }
            }
        }

        /** {@code 38;5;n} or {@code 38;2;r;g;b}: returns {color, parameters consumed}. */
        private static int[] extended(String[] parts, int k) {
            if (k + 2 < parts.length && number(parts[k + 1]) == 5) {
                return new int[]{xterm256(number(parts[k + 2])), 2};
            }
            if (k + 4 < parts.length && number(parts[k + 1]) == 2) {
                int rgb = (clamp(number(parts[k + 2])) << 16) | (clamp(number(parts[k + 3])) << 8)
                        | clamp(number(parts[k + 4]));
                return new int[]{rgb, 4};
            }
            return new int[]{-1, 0};
        }

        private static int clamp(int v) {
            return Math.max(0, Math.min(255, v));
        }

        private static int number(String s) {
            try {
                return s.isEmpty() ? 0 : Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** The xterm 256-color palette: 16 basic, a 6×6×6 cube, 24 grays. */
    static int xterm256(int n) {
        if (n < 0 || n > 255) {
            return -1;
        }
        if (n < 16) {
            return BASIC[n];
        }
        if (n < 232) {
            int i = n - 16;
            int[] levels = {0, 95, 135, 175, 215, 255};
            return (levels[i / 36] << 16) | (levels[(i / 6) % 6] << 8) | levels[i % 6];
        }
        int gray = 8 + (n - 232) * 10;
        return (gray << 16) | (gray << 8) | gray;
    }
}
