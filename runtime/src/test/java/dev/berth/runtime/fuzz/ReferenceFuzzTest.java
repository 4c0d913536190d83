package dev.berth.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.registry.AuthChallenge;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What clients and registries write in short strings: image references, platforms, filters, auth challenges. */
class ReferenceFuzzTest {
    @Provide
    Arbitrary<String> references() {
        return Hostile.text("abcxyz019ABC:/@.-_+sha256 ", 80);
    }

    @Property(seed = Fuzzing.SEED)
    void anImageReferenceParsesToOneThatReadsTheSameOrIsRefused(@ForAll("references") String text) {
        ImageReference ref;
        try {
            ref = ImageReference.parse(text);
        } catch (InvalidArgumentException refused) {
            return;
        }
        assertEquals(ref, ImageReference.parse(ref.toString()), "round trip of " + text);
    }

    @Provide
    Arbitrary<String> platforms() {
        return Hostile.text("linux/amd64arm64v78windows /", 30);
    }

    @Property(seed = Fuzzing.SEED)
    void aPlatformParsesOrIsRefused(@ForAll("platforms") String text) {
        try {
            Platform.parse(text);
        } catch (InvalidArgumentException refused) {
            // the only way to say no
        }
    }

    @Provide
    Arbitrary<String> filters() {
        return net.jqwik.api.Arbitraries.oneOf(
                Hostile.jsonish("label", "status", "name", "dangling", "before", "until"),
                Hostile.text("{}[]\":,label=true", 60));
    }

    @Property(seed = Fuzzing.SEED)
    void filtersParseOrAreRefused(@ForAll("filters") String json) {
        try {
            Filters.parse(json);
        } catch (InvalidArgumentException refused) {
            // the only way to say no
        }
    }

    @Provide
    Arbitrary<String> challenges() {
        return Hostile.text("Bearer Basic realm=\"service,scope:pull\\ =", 80);
    }

    @Property(seed = Fuzzing.SEED)
    void anAuthChallengeParsesToSomethingOrNothing(@ForAll("challenges") String header) {
        AuthChallenge.parse(header); // a registry's header never throws: what cannot be read is no challenge
    }
}
