package dev.berth.runtime.image.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 9110 §11.6.1), e.g.
 * {@code Bearer realm="https://auth.example/token",service="registry",scope="repository:a:pull"}.
 * The scheme is lower-cased; parameter names are lower-cased; values are unquoted.
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

    public AuthChallenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        params = Map.copyOf(params);
    }

    /** A parameter such as {@code realm}, or null. */
    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean isBearer() {
        return scheme.equals("bearer");
    }

    public boolean isBasic() {
        return scheme.equals("basic");
    }

    /** All challenges of all given header values, in order; unparsable remainders are skipped. */
    public static List<AuthChallenge> parseAll(List<String> headerValues) {
        List<AuthChallenge> all = new ArrayList<>();
        for (String value : headerValues) {
            all.addAll(parse(value));
        }
        return all;
    }

    /** All challenges in one header value (several may be comma-separated). */
    public static List<AuthChallenge> parse(String header) {
        return new Parser(header == null ? "" : header).challenges();
    }

    /** A small cursor-based parser; the grammar mixes commas between challenges and between parameters. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        List<AuthChallenge> challenges() {
            List<AuthChallenge> result = new ArrayList<>();
            while (true) {
                skipSeparators();
                if (pos >= s.length()) {
                    return result;
                }
                String scheme = token();
                if (scheme.isEmpty()) {
                    pos++; // not a token character: skip it rather than loop forever
                    continue;
                }
                result.add(new AuthChallenge(scheme, params()));
            }
        }

        /** Parameters up to the next challenge: a parameter is {@code name = value}; a bare token starts a new challenge. */
        private Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                skipWhitespaceAndCommas();
                int start = pos;
                String name = token();
                skipWhitespace();
                if (name.isEmpty() || pos >= s.length() || s.charAt(pos) != '=') {
                    pos = start;
                    skipToken68IfFirst(params.isEmpty());
                    return params;
                }
                pos++; // '='
                skipWhitespace();
                String value = pos < s.length() && s.charAt(pos) == '"' ? quoted() : token();
                params.put(name.toLowerCase(Locale.ROOT), value);
            }
        }

        /** {@code Negotiate abc123==}: an opaque token68 right after the scheme; we have no use for it. */
        private void skipToken68IfFirst(boolean first) {
            if (!first) {
                return;
            }
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != ',' && !Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) != ',') {
                pos = start; // whitespace follows: it was the next scheme, not a token68
            }
        }

        private String quoted() {
            StringBuilder out = new StringBuilder();
            pos++; // opening quote
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    out.append(s.charAt(pos++));
                } else if (c == '"') {
                    return out.toString();
                } else {
                    out.append(c);
                }
            }
            return out.toString(); // unterminated: take what there is, as Go's parser does
        }

        private String token() {
            int start = pos;
            while (pos < s.length() && isTokenChar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private void skipWhitespace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private void skipWhitespaceAndCommas() {
            while (pos < s.length() && (Character.isWhitespace(s.charAt(pos)) || s.charAt(pos) == ',')) {
                pos++;
            }
        }

        private void skipSeparators() {
            skipWhitespaceAndCommas();
        }

        private static boolean isTokenChar(char c) {
            return c < 127 && c > 32 && "()<>@,;:\\\"/[]?={} \t".indexOf(c) < 0;
        }
    }
}
