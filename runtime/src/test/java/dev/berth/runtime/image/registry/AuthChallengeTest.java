package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void parsesDockerHubBearerChallenge() {
        List<AuthChallenge> all = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:library/alpine:pull\"");
        assertEquals(1, all.size());
        AuthChallenge c = all.getFirst();
        assertTrue(c.isBearer());
        assertEquals("https://auth.docker.io/token", c.param("realm"));
        assertEquals("registry.docker.io", c.param("service"));
        assertEquals("repository:library/alpine:pull", c.param("scope"));
    }

    @Test
    void parsesBasicWithSpacesAndCaseInsensitiveNames() {
        AuthChallenge c = AuthChallenge.parse("BASIC  Realm = \"my registry\" , charset=UTF-8").getFirst();
        assertTrue(c.isBasic());
        assertEquals("my registry", c.param("realm"));
        assertEquals("UTF-8", c.param("CHARSET"));
    }

    @Test
    void parsesSeveralChallengesInOneHeader() {
        List<AuthChallenge> all = AuthChallenge.parse(
                "Basic realm=\"a\", Bearer realm=\"https://t.example/token\",service=\"reg\",error=\"insufficient_scope\"");
        assertEquals(2, all.size());
        assertEquals("basic", all.get(0).scheme());
        assertEquals("a", all.get(0).param("realm"));
        assertEquals("bearer", all.get(1).scheme());
        assertEquals("reg", all.get(1).param("service"));
        assertEquals("insufficient_scope", all.get(1).param("error"));
    }

    @Test
    void unquotesEscapesAndKeepsCommasInsideQuotes() {
        AuthChallenge c = AuthChallenge
                .parse("Bearer realm=\"https://x/token?a=1,b=2\",scope=\"repository:a/b:pull,push\","
                        + "note=\"say \\\"hi\\\"\"")
                .getFirst();
        assertEquals("https://x/token?a=1,b=2", c.param("realm"));
        assertEquals("repository:a/b:pull,push", c.param("scope"));
        assertEquals("say \"hi\"", c.param("note"));
    }

    @Test
    void collectsAcrossHeaderValuesAndToleratesJunk() {
        List<AuthChallenge> all = AuthChallenge.parseAll(List.of("Negotiate abc123==", "Bearer realm=x", ""));
        assertEquals("negotiate", all.get(0).scheme());
        assertEquals("bearer", all.get(all.size() - 1).scheme());
        assertEquals("x", all.get(all.size() - 1).param("realm"));
        assertNull(all.get(all.size() - 1).param("service"));
        assertTrue(AuthChallenge.parse(null).isEmpty());
        assertTrue(AuthChallenge.parse(" , ,").isEmpty());
        assertEquals("unterminated", AuthChallenge.parse("Bearer realm=\"unterminated").getFirst().param("realm"));
    }
}
