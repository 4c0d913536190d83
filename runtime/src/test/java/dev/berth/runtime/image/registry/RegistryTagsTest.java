package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RegistryTagsTest {
    private static final URI BASE = URI.create("https://registry.test:5000/");

    @Test
    void followsTheNextPageOnTheSameRegistryOnly() {
        assertEquals(URI.create("https://registry.test:5000/v2/app/tags/list?last=b&n=2"),
                RegistryTags.nextPage(BASE, "</v2/app/tags/list?last=b&n=2>; rel=\"next\""));
        assertNull(RegistryTags.nextPage(BASE, "<https://elsewhere.test/v2/app/tags/list?last=b>; rel=\"next\""),
                "credentials are not carried to another host");
        assertNull(RegistryTags.nextPage(BASE, "</v2/app/tags/list?last=b>; rel=\"prev\""));
        assertNull(RegistryTags.nextPage(BASE, "garbage>"));
        assertNull(RegistryTags.nextPage(BASE, null));
    }
}
