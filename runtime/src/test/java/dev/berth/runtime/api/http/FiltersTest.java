package dev.berth.runtime.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FiltersTest {
    @Test
    void goMapFormAndDockerJavaListFormMeanTheSame() {
        Filters go = Filters.parse("{\"label\":{\"a=1\":true,\"b\":true,\"off\":false},\"type\":{\"container\":true}}");
        Filters java = Filters.parse("{\"label\":[\"a=1\",\"b\"],\"type\":[\"container\"]}");
        assertEquals(Set.of("a=1", "b"), go.get("label"));
        assertEquals(go.get("label"), java.get("label"));
        assertEquals(go.get("type"), java.get("type"));
        assertTrue(go.has("type"));
        assertFalse(go.has("name"));
    }

    @Test
    void emptyOrAbsentMeansNoFilter() {
        assertTrue(Filters.parse(null).keys().isEmpty());
        assertTrue(Filters.parse("").keys().isEmpty());
        assertTrue(Filters.parse("{}").keys().isEmpty());
    }

    @Test
    void malformedJsonIsInvalidArgument() {
        assertThrows(InvalidArgumentException.class, () -> Filters.parse("{label"));
        assertThrows(InvalidArgumentException.class, () -> Filters.parse("[\"label\"]"));
        assertThrows(InvalidArgumentException.class, () -> Filters.parse("{\"label\":[{\"x\":1}]}"));
    }

    @Test
    void validateNamesTheFirstUnknownKey() {
        Filters f = Filters.parse("{\"label\":[\"a\"],\"colour\":[\"red\"]}");
        f.validate(Set.of("label", "colour"));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> f.validate(Set.of("label")));
        assertEquals("invalid filter 'colour'", e.getMessage());
    }

    @Test
    void labelsAreAndedKeyOrKeyValue() {
        Map<String, String> labels = Map.of("com.docker.compose.project", "p", "com.docker.compose.config-hash", "h");
        assertTrue(Filters.parse("{\"label\":[\"com.docker.compose.project=p\",\"com.docker.compose.config-hash\"]}")
                .matchLabels(labels));
        assertFalse(Filters.parse("{\"label\":[\"com.docker.compose.project=p\",\"com.docker.compose.oneoff=False\"]}")
                .matchLabels(labels));
        assertFalse(Filters.parse("{\"label\":[\"com.docker.compose.project=q\"]}").matchLabels(labels));
        assertTrue(Filters.empty().matchLabels(Map.of()));
        assertTrue(Filters.parse("{\"label\":[\"k=\"]}").matchLabels(Map.of("k", "")));
    }

    @Test
    void matchesAnyIsOrWithinAKey() {
        Filters f = Filters.parse("{\"type\":[\"container\",\"image\"]}");
        assertTrue(f.matchesAny("type", List.of("image")));
        assertFalse(f.matchesAny("type", List.of("volume")));
        assertTrue(f.matchesAny("event", List.of("anything")));
    }
}
