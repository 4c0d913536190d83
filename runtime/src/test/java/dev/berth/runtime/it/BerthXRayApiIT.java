package dev.berth.runtime.it;

import dev.berth.testkit.HttpResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.container.oci.Capabilities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /berth/v1/containers/{id}/xray} against containers run through the real docker CLI. */
class BerthXRayApiIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("xray/busybox:1");

    private static String image;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
    }

    private static String id(String name) {
        return berthd.dockerOk("inspect", "--format", "{{.Id}}", name).stdout().trim();
    }

    private static JsonNode xray(String name) {
        HttpResult r = berthd.http("GET", "/berth/v1/containers/" + name + "/xray");
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    @Test
    void advertisesItselfUnderInfo() {
        HttpResult r = berthd.http("GET", "/berth/v1/info");
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.json().path("Features").toString().contains("xray"), r::toString);
    }

    @Test
    void showsPidOneInsideAndAnotherPidOnTheHost() {
        berthd.dockerOk("run", "-d", "--name", "xp", image, "sh", "-c", "sleep 300 & sleep 301; echo done");
        try {
            JsonNode x = xray("xp");
            assertEquals(id("xp"), x.path("id").asText());
            List<JsonNode> procs = new ArrayList<>();
            x.path("processes").forEach(procs::add);
            assertTrue(procs.size() >= 2, x::toPrettyString);
            JsonNode init = procs.getFirst();
            assertEquals(1, init.path("containerPid").asLong(), x::toPrettyString);
            assertNotEquals(1, init.path("hostPid").asLong());
            assertEquals(x.path("hostPid").asLong(), init.path("hostPid").asLong());
            assertTrue(Files.isDirectory(Path.of("/proc", init.path("hostPid").asText())),
                    "the host pid is a host process");
            assertTrue(init.path("cmdline").asText().startsWith("sh -c"), x::toPrettyString);
            assertTrue(procs.stream().anyMatch(p -> p.path("cmdline").asText().equals("sleep 300")), x::toPrettyString);
        } finally {
            berthd.dockerOk("rm", "-f", "xp");
        }
    }

    @Test
    void namespacesDifferFromTheHostsAndCapabilitiesAreDockersDefault() throws Exception {
        berthd.dockerOk("run", "-d", "--name", "xn", image, "sleep", "300");
        try {
            JsonNode x = xray("xn");
            Map<String, JsonNode> ns = new HashMap<>();
            x.path("namespaces").forEach(n -> ns.put(n.path("type").asText(), n));
            for (String type : List.of("pid", "mnt", "uts", "net", "ipc")) {
                JsonNode n = ns.get(type);
                assertFalse(n.path("shared").asBoolean(), () -> type + " " + x.toPrettyString());
                assertNotEquals(n.path("inode").asLong(), n.path("hostInode").asLong());
                String hostLink = Files.readSymbolicLink(Path.of("/proc/self/ns", type)).toString();
                assertNotEquals(type + ":[" + n.path("inode").asLong() + "]", hostLink);
            }
            assertTrue(ns.get("user").path("shared").asBoolean(), "no userns remapping: the host's user namespace");
            List<String> caps = new ArrayList<>();
            x.at("/security/capEffective").forEach(c -> caps.add(c.asText()));
            assertEquals(Capabilities.DEFAULTS.stream().sorted().toList(), caps.stream().sorted().toList());
            assertEquals(0, x.at("/security/uid").asLong());
            assertEquals("root", x.at("/security/user").asText());
            assertFalse(x.at("/security/seccomp").asText().isEmpty());
            assertTrue(x.at("/cgroup/pidsCurrent").asLong() >= 1, x::toPrettyString);
        } finally {
            berthd.dockerOk("rm", "-f", "xn");
        }
    }

    @Test
    void lowerLayersAreTheImagesLayersAndWritesShowAsChanges() {
        // busybox plus one committed layer, so the order of the lower dirs matters.
        berthd.dockerOk("run", "--name", "xbase", image, "sh", "-c", "echo layer > /layer-two");
        berthd.dockerOk("commit", "xbase", "xray/two:1");
        berthd.dockerOk("rm", "xbase");
        berthd.dockerOk("run", "-d", "--name", "xl", "--memory", "48m", "xray/two:1", "sleep", "300");
        try {
            berthd.dockerOk("exec", "xl", "sh", "-c", "echo hello > /tmp/written-here");
            JsonNode x = xray("xl");
            JsonNode rootfs = berthd.http("GET", "/images/xray/two:1/json").json().at("/RootFS/Layers");
            JsonNode lowers = x.at("/overlay/lowers");
            assertEquals(rootfs.size(), lowers.size(), x::toPrettyString);
            assertTrue(lowers.size() >= 2, "the committed layer on top of busybox's");
            for (int i = 0; i < lowers.size(); i++) {
                // overlayfs lists the topmost layer first; RootFS lists the base first.
                assertEquals(rootfs.get(rootfs.size() - 1 - i).asText(), lowers.get(i).path("diffId").asText());
            }
            assertTrue(x.at("/overlay/mounted").asBoolean());
            assertTrue(x.at("/overlay/upperDir").asText().endsWith("/upper"), x::toPrettyString);
            assertTrue(x.at("/overlay/changes").toString().contains("/tmp/written-here"), x::toPrettyString);
            assertEquals(48L * 1024 * 1024, x.at("/cgroup/memoryLimitBytes").asLong(), x::toPrettyString);
        } finally {
            berthd.dockerOk("rm", "-f", "xl");
            berthd.dockerOk("rmi", "xray/two:1");
        }
    }

    @Test
    void stoppedIs409AndUnknownIs404() {
        berthd.dockerOk("create", "--name", "xs", image, "true");
        try {
            HttpResult stopped = berthd.http("GET", "/berth/v1/containers/xs/xray");
            assertEquals(409, stopped.status(), stopped::toString);
            assertTrue(stopped.json().path("message").asText().contains("not running"), stopped::toString);
        } finally {
            berthd.dockerOk("rm", "xs");
        }
        HttpResult unknown = berthd.http("GET", "/berth/v1/containers/nope/xray");
        assertEquals(404, unknown.status(), unknown::toString);
        assertTrue(unknown.json().path("message").asText().contains("No such container"), unknown::toString);
    }
}
