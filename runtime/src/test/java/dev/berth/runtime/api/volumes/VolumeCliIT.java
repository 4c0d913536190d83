package dev.berth.runtime.api.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.testkit.BerthdExtension;
import dev.berth.testkit.CommandResult;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code docker volume create/ls/inspect/rm/prune} with the real docker CLI against a real berthd. The daemon
 * is shared by the tests of this class, so each test labels its volumes and looks only at those.
 */
class VolumeCliIT {
    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    private static String ok(String... args) {
        CommandResult r = berthd.docker(args);
        assertEquals(0, r.exitCode(), () -> "docker " + String.join(" ", args) + "\n" + r + "\n" + berthd.log());
        return r.stdout();
    }

    private static CommandResult fails(String... args) {
        CommandResult r = berthd.docker(args);
        assertNotEquals(0, r.exitCode(), r::toString);
        return r;
    }

    private static List<String> lines(String out) {
        return out.lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    @Test
    void createListInspectRemove() throws IOException {
        assertEquals("data\n", ok("volume", "create", "--label", "suite=basic", "--label", "app=web", "data"));
        ok("volume", "create", "--label", "suite=basic", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=1m",
                "scratch");
        String anon = ok("volume", "create", "--label", "suite=basic").trim();
        assertTrue(anon.matches("[0-9a-f]{64}"), anon);
        assertEquals("data\n", ok("volume", "create", "data"), "creating an existing volume returns it");

        assertEquals(lines("data\nscratch\n" + anon), lines(ok("volume", "ls", "-q", "--filter", "label=suite=basic")));
        assertEquals(List.of("data"), lines(ok("volume", "ls", "-q", "--filter", "label=app=web")));
        assertEquals(List.of("scratch"), lines(ok("volume", "ls", "-q", "--filter", "name=scratch")));
        assertTrue(ok("volume", "ls").lines().anyMatch(l -> l.matches("local\\s+data")), "table output");

        JsonNode inspected = Json.MAPPER.readTree(ok("volume", "inspect", "data", "scratch"));
        assertEquals(2, inspected.size());
        assertEquals("web", inspected.get(0).get("Labels").get("app").asText());
        assertEquals("tmpfs", inspected.get(1).get("Options").get("type").asText());
        assertEquals(berthd.dataRoot().resolve("volumes/data/_data").toString(),
                ok("volume", "inspect", "-f", "{{.Mountpoint}}", "data").trim());

        assertEquals("data\n", ok("volume", "rm", "data"));
        assertTrue(fails("volume", "inspect", "data").stderr().contains("no such volume"));
        assertTrue(fails("volume", "rm", "data").stderr().contains("no such volume"));
        ok("volume", "rm", "-f", "data");
    }

    @Test
    void badInputFailsWithDockersMessages() {
        assertTrue(fails("volume", "create", "no/slashes").stderr()
                .contains("includes invalid characters for a local volume name"));
        assertTrue(fails("volume", "create", "-o", "colour=blue", "painted").stderr()
                .contains("invalid option: \"colour\""));
        assertTrue(fails("volume", "create", "-d", "flocker", "elsewhere").stderr()
                .contains("plugin \"flocker\" not found"));
        ok("volume", "create", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=1m", "sized");
        assertTrue(fails("volume", "create", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=2m", "sized")
                .stderr().contains("volume name must be unique"));
    }

    @Test
    void pruneRemovesAnonymousVolumesUnlessAll() {
        String anon = ok("volume", "create", "--label", "suite=prune").trim();
        ok("volume", "create", "--label", "suite=prune", "named");
        ok("volume", "create", "--label", "suite=prune", "--label", "keep=1", "kept");

        String pruned = ok("volume", "prune", "-f", "--filter", "label=suite=prune");
        assertTrue(pruned.contains(anon), pruned);
        assertEquals(List.of("kept", "named"), lines(ok("volume", "ls", "-q", "--filter", "label=suite=prune")));

        String all = ok("volume", "prune", "-a", "-f", "--filter", "label=suite=prune", "--filter", "label!=keep");
        assertTrue(all.contains("named"), all);
        assertEquals(List.of("kept"), lines(ok("volume", "ls", "-q", "--filter", "label=suite=prune")));
    }

    @Test
    void volumesSurviveARestartAndShowInEvents() throws InterruptedException {
        ok("volume", "create", "--label", "suite=restart", "durable");
        berthd.stop();
        berthd.start();
        assertEquals(List.of("durable"), lines(ok("volume", "ls", "-q", "--filter", "label=suite=restart")));
        ok("volume", "rm", "durable");
        // `--until 0s` is sent as whole seconds (docker's GetTimestamp): the event shows once its second has ended.
        String[] events = {""};
        dev.berth.testkit.Await.until("the destroy event", java.time.Duration.ofSeconds(30), () -> {
            events[0] = ok("system", "events", "--since", "10m", "--until", "0s", "--filter", "type=volume",
                    "--format", "{{.Action}} {{.Actor.ID}} {{index .Actor.Attributes \"driver\"}}");
            return events[0].contains("destroy durable local");
        }, () -> events[0]);
    }
}
