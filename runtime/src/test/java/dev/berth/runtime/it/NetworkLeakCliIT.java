package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.network.EngineTag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 100 {@code docker create/start/rm -f} cycles, each with a published port on a user network, leave no veth,
 * iptables rule, lease or namespace behind. Counted with the host's own tools, restricted to what carries this
 * engine's tag, so another engine or test on the host cannot disturb the count.
 */
class NetworkLeakCliIT {
    private static final int CYCLES = 100;

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("leak/busybox:1");

    /** What one engine holds on the host and in its data root. */
    record Footprint(long veths, long rules, long netns, long leases, long endpointRecords, long dnatRules) {}

    @Test
    void hundredCreateStartRemoveCyclesLeaveNothingBehind() throws Exception {
        String image = berthd.image();
        assertEquals(0, berthd.docker("pull", image).exitCode());
        assertEquals(0, berthd.docker("network", "create", "leaknet").exitCode());
        // One container that stays, so the counts are taken with the network in use, not empty.
        assertEquals(0, berthd.docker("run", "-d", "--name", "stays", "--network", "leaknet", "-p", "80", image,
                "sleep", "600").exitCode());
        EngineTag tag = EngineTag.loadOrCreate(berthd.dataRoot().resolve("networks"));
        Footprint before = footprint(tag);
        assertTrue(before.veths() >= 1 && before.netns() >= 1 && before.leases() >= 1 && before.dnatRules() >= 1,
                before.toString());

        for (int i = 0; i < CYCLES; i++) {
            CommandResult created = berthd.docker("create", "--network", "leaknet", "-p", "80", "-p",
                    "127.0.0.1::53/udp",
                    image, "sleep", "600");
            assertEquals(0, created.exitCode(), created.stderr());
            String id = created.stdout().trim();
            CommandResult started = berthd.docker("start", id);
            assertEquals(0, started.exitCode(), started.stderr());
            if (i == 0) {
                Footprint during = footprint(tag);
                assertEquals(before.veths() + 1, during.veths(), "the counts do see a container: " + during);
                assertEquals(before.dnatRules() + 2, during.dnatRules(), during.toString());
            }
            CommandResult removed = berthd.docker("rm", "-f", id);
            assertEquals(0, removed.exitCode(), removed.stderr());
        }

        assertEquals(before, footprint(tag));
        berthd.docker("rm", "-f", "stays");
        berthd.docker("network", "rm", "leaknet");
    }

    private Footprint footprint(EngineTag tag) throws Exception {
        long veths = lines("ip", "-o", "link", "show").stream()
                .filter(l -> l.split(":\\s+", 3)[1].startsWith(tag.vethPrefix())).count();
        List<String> rules = lines("iptables-save");
        long own = rules.stream().filter(l -> l.contains(tag.ruleComment())).count();
        long dnat = rules.stream().filter(l -> l.contains(tag.ruleComment()) && l.contains("DNAT")).count();
        long netns = lines("ip", "netns", "list").stream().filter(l -> l.startsWith(tag.netnsPrefix())).count();
        long leases = 0;
        Path leaseDir = berthd.dataRoot().resolve("networks/leases");
        try (Stream<Path> s = Files.list(leaseDir)) {
            for (Path p : s.toList()) {
                JsonNode n = Json.MAPPER.readTree(p.toFile()).path("leases");
                leases += n.size();
            }
        }
        long endpoints;
        try (Stream<Path> s = Files.list(berthd.dataRoot().resolve("networks/endpoints"))) {
            endpoints = s.count();
        }
        return new Footprint(veths, own, netns, leases, endpoints, dnat);
    }

    private static List<String> lines(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", argv) + ": " + out);
        return out.lines().toList();
    }
}
