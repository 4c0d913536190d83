package dev.berth.runtime.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Handler inspect = (req, res) -> {};
    private final Handler remove = (req, res) -> {};
    private final Handler start = (req, res) -> {};
    private final Handler list = (req, res) -> {};
    private final Router router = new Router();

    RouterTest() {
        router.add("GET", "/images/json", list);
        router.add("GET", "/images/{name:.*}/json", inspect);
        router.add("DELETE", "/images/{name:.*}", remove);
        router.add("POST", "/containers/{id}/start", start);
    }

    private RouteMatch.Found found(String method, String rawPath) {
        VersionedPath vp = VersionedPath.parse(rawPath);
        return assertInstanceOf(RouteMatch.Found.class, router.match(method, vp.path()));
    }

    @Test
    void imageNamesSpanSlashes() {
        RouteMatch.Found f = found("GET", "/images/localhost:5000/library/busybox:1.36/json");
        assertSame(inspect, f.handler());
        assertEquals(Map.of("name", "localhost:5000/library/busybox:1.36"), f.params());
        assertEquals("registry/a/b@sha256:abc",
                found("DELETE", "/images/registry/a/b@sha256:abc").params().get("name"));
    }

    @Test
    void fixedPathsWinWhenRegisteredFirst() {
        assertSame(list, found("GET", "/images/json").handler());
    }

    @Test
    void answersWithAndWithoutVersionPrefix() {
        assertSame(start, found("POST", "/containers/abc/start").handler());
        RouteMatch.Found prefixed = found("POST", "/v1.44/containers/abc/start");
        assertSame(start, prefixed.handler());
        assertEquals("abc", prefixed.params().get("id"));
    }

    @Test
    void plainVariablesStayInOneSegment() {
        assertInstanceOf(RouteMatch.NotFound.class, router.match("POST", "/containers/a/b/start"));
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        RouteMatch m = router.match("GET", "/containers/abc/start");
        assertEquals(Set.of("POST"), assertInstanceOf(RouteMatch.MethodNotAllowed.class, m).allowed());
    }

    @Test
    void unknownPathIsNotFound() {
        assertInstanceOf(RouteMatch.NotFound.class, router.match("GET", "/nothing"));
    }

    @Test
    void capturingGroupsInsideVariablesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> router.add("GET", "/x/{a:(b|c)}", inspect));
        router.add("GET", "/x/{a:(?:b|c)}", inspect);
        assertEquals("c", found("GET", "/x/c").params().get("a"));
    }
}
