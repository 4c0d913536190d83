package dev.berth.runtime.it;

import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code docker ps --size} and {@code docker inspect --size}: bytes in the writable layer, and that plus the image. */
class ContainerSizeCliIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("size/busybox:1");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITTEN = 300_000;
    private static String image;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
    }

    @Test
    void sizesCountTheWritableLayerAndTheImage() throws Exception {
        // 300 kB into the container's own layer, then it waits; sizes are taken while it runs.
        String id = berthd.dockerOk("run", "-d", "--name", "sized", image, "sh", "-c",
                "dd if=/dev/zero of=/tmp/blob bs=1000 count=300 2>/dev/null && touch /tmp/ready && sleep 300").stdout()
                .trim();
        for (int i = 0; i < 100 && berthd.docker("exec", "sized", "test", "-e", "/tmp/ready").exitCode() != 0; i++) {
            Thread.sleep(100);
        }
        long imageSize = JSON.readTree(berthd.dockerOk("image", "inspect", image).stdout()).get(0).path("Size")
                .asLong();
        assertTrue(imageSize > 0);

        JsonNode listed = berthd.http("GET", "/containers/json?size=1").json();
        JsonNode mine = find(listed, id);
        long rw = mine.path("SizeRw").asLong(-1);
        assertTrue(rw >= WRITTEN && rw < WRITTEN + 64 * 1024, () -> "SizeRw " + mine);
        assertEquals(imageSize + rw, mine.path("SizeRootFs").asLong(), mine::toString);
        assertFalse(find(berthd.http("GET", "/containers/json").json(), id).has("SizeRw"), "no sizes unless asked");

        JsonNode inspected = JSON.readTree(berthd.dockerOk("inspect", "--size", "sized").stdout()).get(0);
        assertEquals(rw, inspected.path("SizeRw").asLong(), inspected.toString());
        assertEquals(imageSize + rw, inspected.path("SizeRootFs").asLong());
        assertFalse(JSON.readTree(berthd.dockerOk("inspect", "sized").stdout()).get(0).has("SizeRw"),
                "no sizes unless asked");

        // The CLI's SIZE column: "300kB (virtual 1.2MB)".
        String column = berthd.dockerOk("ps", "--size", "--filter", "name=sized", "--format", "{{.Size}}").stdout()
                .trim();
        assertTrue(column.startsWith("300kB (virtual "), column);
        berthd.dockerOk("rm", "-f", "sized");
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode c : list) {
            if (c.path("Id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError(id + " not listed in " + list);
    }
}
