package dev.berth.runtime.container.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.oci.RuntimeSpec;
import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class ResourceUpdateTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) M.readTree(s);
    }

    @Test
    void memoryWithDefaultSwapDoublesTheSwapLimit() throws Exception {
        ResourceUpdate u = ResourceUpdate
                .parse(json("{\"Memory\":67108864,\"MemorySwap\":0,\"CpuShares\":0,\"PidsLimit\":null}"));
        ObjectNode h = u.applyTo(json("{\"Memory\":33554432,\"MemorySwap\":0,\"CpuShares\":512}"));
        assertEquals(67108864, h.path("Memory").asLong());
        assertEquals(512, h.path("CpuShares").asLong(), "fields sent as 0 stay as they were");
        RuntimeSpec.Resources r = u.resources(h, true);
        assertEquals(new RuntimeSpec.Memory(67108864L, null, 134217728L), r.memory());
        assertNull(r.cpu());
        assertNull(r.pids());
        assertNull(u.resources(h, false).memory().swap(), "no swap limit without swap accounting");
    }

    @Test
    void memoryAboveAnExplicitSwapLimitIsAConflict() throws Exception {
        ResourceUpdate u = ResourceUpdate.parse(json("{\"Memory\":134217728}"));
        assertThrows(ConflictException.class, () -> u.applyTo(json("{\"Memory\":33554432,\"MemorySwap\":67108864}")));
    }

    @Test
    void nanoCpusBecomeAQuotaAndPidsUnlimitedIsMinusOne() throws Exception {
        ResourceUpdate u = ResourceUpdate.parse(json("{\"NanoCpus\":1500000000,\"PidsLimit\":-1}"));
        ObjectNode h = u.applyTo(json("{\"CpuQuota\":20000,\"CpuPeriod\":50000}"));
        assertEquals(0, h.path("CpuQuota").asLong());
        RuntimeSpec.Resources r = u.resources(h, true);
        assertEquals(150000L, r.cpu().quota());
        assertEquals(100000L, r.cpu().period());
        assertEquals(-1, r.pids().limit());
    }

    @Test
    void restartPolicyAloneDoesNotTouchCgroups() throws Exception {
        ResourceUpdate u = ResourceUpdate
                .parse(json("{\"RestartPolicy\":{\"Name\":\"always\",\"MaximumRetryCount\":0}}"));
        assertFalse(u.touchesCgroups());
        assertEquals("always", u.applyTo(json("{}")).at("/RestartPolicy/Name").asText());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(InvalidArgumentException.class, () -> ResourceUpdate.parse(json("{\"Memory\":1024}")));
        assertThrows(InvalidArgumentException.class, () -> ResourceUpdate.parse(json("{\"Memory\":\"lots\"}")));
        assertThrows(InvalidArgumentException.class,
                () -> ResourceUpdate.parse(json("{\"NanoCpus\":1000000000,\"CpuQuota\":5000}")));
        assertThrows(InvalidArgumentException.class,
                () -> ResourceUpdate.parse(json("{\"RestartPolicy\":{\"Name\":\"sometimes\"}}")));
        assertThrows(InvalidArgumentException.class, () -> ResourceUpdate.parse(null));
        assertTrue(ResourceUpdate.parse(new ObjectMapper().createObjectNode()).resources(M.createObjectNode(), true)
                .memory() == null);
    }
}
