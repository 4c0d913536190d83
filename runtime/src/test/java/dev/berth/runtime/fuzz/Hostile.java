package dev.berth.runtime.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators of the inputs parsers get from strangers: text from an alphabet that matters to the parser, and noise. */
final class Hostile {
    private Hostile() {}

    /** Strings of up to {@code max} characters drawn from {@code alphabet}, mixed with arbitrary Unicode. */
    static Arbitrary<String> text(String alphabet, int max) {
        Arbitrary<String> shaped = Arbitraries.strings().withChars(alphabet.toCharArray()).ofMaxLength(max);
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(max);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, shaped),
                net.jqwik.api.Tuple.of(1, noise));
    }

    /** JSON-looking text: brackets, quotes, numbers, keywords and the keys a parser looks for. */
    static Arbitrary<String> jsonish(String... keys) {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "true", "false", "null", "0", "-1", "1e999",
                        "\"\\u0000\"", "\"x\"", "99999999999999999999", "\"\\ud800\""),
                Arbitraries.of(keys).map(k -> "\"" + k + "\""),
                Arbitraries.strings().ofMaxLength(6).map(s -> "\"" + s.replace("\"", "") + "\""));
        return token.list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
