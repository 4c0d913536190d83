package dev.berth.runtime.it;

import dev.berth.testkit.HttpResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImage;
import dev.berth.testkit.TestImages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Image endpoints spoken to directly: error statuses, bad bodies, platform selection, events. */
class ImagesApiIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    @Test
    void invalidReferencesAre400WithDockersWording() {
        HttpResult r = berthd.http("POST", "/v1.44/images/create?fromImage=Busybox&tag=1");
        assertEquals(400, r.status(), r.text());
        assertTrue(r.json().get("message").asText().contains("invalid reference format"), r.text());
    }

    @Test
    void unknownImagesAre404() {
        assertEquals(404, berthd.http("GET", "/v1.44/images/nothing:1/json").status());
        assertEquals(404, berthd.http("DELETE", "/v1.44/images/nothing:1").status());
        assertEquals(404, berthd.http("GET", "/images/nothing/history").status());
        HttpResult manifest = berthd.http("POST", "/v1.44/images/create?fromImage=" + registry.host() + "/none&tag=x");
        assertEquals(404, manifest.status(), manifest.text());
        assertTrue(manifest.json().get("message").asText().contains("not found"), manifest.text());
    }

    @Test
    void garbageLoadAnswersItsErrorInTheStreamAndBerthdKeepsServing() {
        HttpResult r = berthd.http("POST", "/v1.44/images/load", "this is not a tar".getBytes(StandardCharsets.UTF_8));
        // dockerd answers 200 and puts the error in the stream, where docker-py looks for it
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.text().contains("errorDetail"), r.toString());
        assertEquals(200, berthd.http("GET", "/_ping").status());
    }

    @Test
    void platformParameterSelectsFromAnIndex() {
        TestImage amd64 = TestImages.busybox();
        TestImage arm64 = TestImages.busyboxBuilder().platform("linux", "arm64", "v8").build();
        TestImage.pushIndex(registry, "api/multi", "1", amd64, arm64);
        HttpResult pull = berthd.http("POST",
                "/v1.44/images/create?fromImage=" + registry.host() + "/api/multi&tag=1&platform=linux/arm64");
        assertEquals(200, pull.status(), pull.text());
        assertTrue(pull.text().contains("Downloaded newer image"), pull.text());
        HttpResult inspect = berthd.http("GET", "/v1.44/images/" + registry.host() + "/api/multi:1/json");
        assertEquals("arm64", inspect.json().get("Architecture").asText());
        assertEquals(arm64.configDigest(), inspect.json().get("Id").asText());
    }

    @Test
    void pullAndTagAreEvents() {
        TestImages.busybox().push(registry, "api/events", "1");
        long since = System.currentTimeMillis() / 1000 - 1;
        assertEquals(200, berthd.http("POST", "/v1.44/images/create?fromImage=" + registry.host() + "/api/events&tag=1")
                .status());
        assertEquals(201,
                berthd.http("POST", "/v1.44/images/" + registry.host() + "/api/events:1/tag?repo=evt&tag=2").status());
        long until = System.currentTimeMillis() / 1000 + 1;
        HttpResult events = berthd.http("GET",
                "/v1.44/events?since=" + since + "&until=" + until + "&filters=%7B%22type%22%3A%5B%22image%22%5D%7D");
        assertTrue(events.text().contains("\"Action\":\"pull\""), events.text());
        assertTrue(events.text().contains("\"Action\":\"tag\""), events.text());
    }
}
