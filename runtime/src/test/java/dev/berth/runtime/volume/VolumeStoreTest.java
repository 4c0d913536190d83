package dev.berth.runtime.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.events.Event;
import dev.berth.runtime.events.EventBus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeStoreTest {
    @TempDir
    Path dataRoot;

    final EventBus events = new EventBus();
    final Map<String, List<String>> users = new HashMap<>();
    VolumeStore store;

    @BeforeEach
    void setUp() {
        store = new VolumeStore(dataRoot, events, name -> users.getOrDefault(name, List.of()));
    }

    private static CreateRequest withOptions(String name, Map<String, String> opts) {
        return new CreateRequest(name, "local", opts, Map.of());
    }

    private List<Event> volumeEvents() {
        return events.history(0, Long.MAX_VALUE).stream().filter(e -> e.type().equals("volume")).toList();
    }

    @Test
    void createsDataDirectoryRecordAndEvent() throws IOException {
        Volume v = store.create(new CreateRequest("data", null, null, Map.of("team", "a")));

        Path dir = dataRoot.resolve("volumes/data");
        assertEquals(dir.resolve("_data").toAbsolutePath(), v.mountpoint());
        assertTrue(Files.isDirectory(v.mountpoint()));
        assertTrue(Files.exists(dir.resolve("volume.json")));
        assertEquals("local", v.driver());
        assertEquals(Map.of("team", "a"), v.labels());
        assertFalse(v.anonymous());
        assertEquals("a", Json.MAPPER.readTree(dir.resolve("volume.json").toFile()).get("labels").get("team").asText());

        Event e = volumeEvents().getFirst();
        assertEquals("create", e.action());
        assertEquals("data", e.actorId());
        assertEquals(Map.of("driver", "local"), e.attributes());
    }

    @Test
    void createIsIdempotentForTheSameName() {
        Volume first = store.create(CreateRequest.named("data"));
        Volume again = store.create(new CreateRequest("data", "local", Map.of(), Map.of("ignored", "x")));

        assertEquals(first, again);
        assertEquals(1, volumeEvents().size(), "no second create event");
    }

    @Test
    void differentDriverOptionsConflictButABareCreateReturnsTheVolume() {
        Volume tmpfs = store.create(withOptions("scratch", Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m")));

        assertThrows(ConflictException.class,
                () -> store.create(withOptions("scratch", Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=2m"))));
        assertEquals(tmpfs, store.create(CreateRequest.named("scratch")));
        assertEquals(tmpfs,
                store.create(withOptions("scratch", Map.of("o", "size=1m", "device", "tmpfs", "type", "tmpfs"))));
    }

    @Test
    void anonymousVolumesGetAHexNameAndTheLabel() {
        Volume v = store.create(new CreateRequest("", null, null, null));

        assertTrue(v.name().matches("[0-9a-f]{64}"), v.name());
        assertTrue(v.anonymous());
        assertEquals("", v.labels().get(Volume.ANONYMOUS_LABEL));
        assertEquals(v, store.get(v.name()));
    }

    @Test
    void invalidNamesAreRejectedWithoutTouchingTheDisk() throws IOException {
        for (String bad : List.of("a", "-ab", "_ab", ".ab", "a/b", "../etc", "a b", "ü-x", "/abs/path")) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> store.create(CreateRequest.named(bad)), bad);
            assertTrue(e.getMessage().contains("volume name"), e.getMessage());
        }
        for (String good : List.of("ab", "a.b", "A_b-9", "0x", "a..b")) {
            store.create(CreateRequest.named(good));
        }
        try (var entries = Files.list(dataRoot.resolve("volumes"))) {
            assertEquals(5, entries.count());
        }
    }

    @Test
    void unknownDriverIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> store.create(new CreateRequest("x1", "nfs-plugin", null, null)));
        assertTrue(e.getMessage().contains("plugin \"nfs-plugin\" not found"), e.getMessage());
    }

    @Test
    void driverOptionsAreCheckedAsTheLocalDriverDoes() {
        record Case(Map<String, String> opts, String message) {}
        for (Case c : List.of(
                new Case(Map.of("foo", "bar"), "invalid option: \"foo\""),
                new Case(Map.of("type", "tmpfs"), "missing required option: \"device\""),
                new Case(Map.of("device", "tmpfs"), "missing required option: \"type\""),
                new Case(Map.of("o", "bind", "device", "/srv"), "missing required option: \"type\""),
                new Case(Map.of("type", "nfs", "device", ":/export", "o", "addr=1.2.3.4"),
                        "unsupported volume type \"nfs\""),
                new Case(Map.of("type", "none", "device", "relative/dir", "o", "bind"), "absolute host path"),
                new Case(Map.of("size", "10m"), "no quota support"))) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> store.create(withOptions("opt", c.opts())));
            assertTrue(e.getMessage().contains(c.message()), c + " -> " + e.getMessage());
        }
        assertTrue(store.find("opt").isEmpty());
    }

    @Test
    void mountSpecDescribesTmpfsAndBindVolumes(@TempDir Path hostDir) {
        store.create(CreateRequest.named("plain"));
        Volume tmpfs = store
                .create(withOptions("tmp", Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=64m,uid=1000")));
        Volume bind = store
                .create(withOptions("host", Map.of("type", "none", "device", hostDir.toString(), "o", "bind")));
        store.create(withOptions("gone",
                Map.of("type", "none", "device", hostDir.resolve("later").toString(), "o", "bind")));

        assertTrue(store.mountSpec("plain").isEmpty());
        assertEquals(new MountSpec("tmpfs", tmpfs.mountpoint(), "tmpfs", "size=64m,uid=1000"),
                store.mountSpec("tmp").orElseThrow());
        MountSpec b = store.mountSpec("host").orElseThrow();
        assertTrue(b.bind());
        assertEquals(hostDir.toString(), b.source());
        assertEquals(bind.mountpoint(), b.target());
        assertThrows(InvalidArgumentException.class, () -> store.mountSpec("gone"));
        assertThrows(NotFoundException.class, () -> store.mountSpec("nope"));
    }

    @Test
    void listFiltersByNameLabelDriverAndDangling() {
        store.create(new CreateRequest("web-data", null, null, Map.of("app", "web", "tier", "front")));
        store.create(new CreateRequest("db-data", null, null, Map.of("app", "db")));
        store.create(new CreateRequest("cache", null, null, Map.of()));
        users.put("db-data", List.of("c1"));

        assertEquals(List.of("cache", "db-data", "web-data"), names(VolumeQuery.ALL));
        assertEquals(List.of("db-data", "web-data"), names(query(Set.of("data"), Set.of(), Set.of(), null)));
        assertEquals(List.of("web-data"), names(query(Set.of("^web"), Set.of(), Set.of(), null)));
        assertEquals(List.of("cache", "web-data"), names(query(Set.of("cache", "web"), Set.of(), Set.of(), null)));
        assertEquals(List.of("db-data", "web-data"), names(query(Set.of(), Set.of(), Set.of("app"), null)));
        assertEquals(List.of("web-data"), names(query(Set.of(), Set.of(), Set.of("app=web"), null)));
        assertEquals(List.of("web-data"), names(query(Set.of(), Set.of(), Set.of("app", "tier=front"), null)));
        assertEquals(List.of(), names(query(Set.of(), Set.of(), Set.of("app=web", "app=db"), null)));
        assertEquals(List.of("cache", "web-data"), names(query(Set.of(), Set.of(), Set.of(), true)));
        assertEquals(List.of("db-data"), names(query(Set.of(), Set.of(), Set.of(), false)));
        assertEquals(3, names(query(Set.of(), Set.of("local"), Set.of(), null)).size());
        assertEquals(List.of(), names(query(Set.of(), Set.of("other"), Set.of(), null)));
        assertEquals(List.of(), names(query(Set.of("[unclosed"), Set.of(), Set.of(), null)));
    }

    private static VolumeQuery query(Set<String> names, Set<String> drivers, Set<String> labels, Boolean dangling) {
        return new VolumeQuery(names, drivers, labels, dangling);
    }

    private List<String> names(VolumeQuery q) {
        return store.list(q).stream().map(Volume::name).toList();
    }

    @Test
    void removeDeletesTheDataAndPublishesDestroy() throws IOException {
        Volume v = store.create(CreateRequest.named("gone"));
        Files.writeString(v.mountpoint().resolve("f"), "x");
        Files.createDirectories(v.mountpoint().resolve("locked/inner"));
        Files.writeString(v.mountpoint().resolve("locked/inner/f"), "x");
        Files.setAttribute(v.mountpoint().resolve("locked"), "unix:mode", 0);

        store.remove("gone", false);

        assertFalse(Files.exists(dataRoot.resolve("volumes/gone")));
        assertTrue(store.find("gone").isEmpty());
        try (var entries = Files.list(dataRoot.resolve("volumes"))) {
            assertEquals(0, entries.count(), "no trash left behind");
        }
        Event e = volumeEvents().getLast();
        assertEquals(List.of("destroy", "gone", Map.of("driver", "local")),
                List.of(e.action(), e.actorId(), e.attributes()));
    }

    @Test
    void removeRefusesAVolumeInUseEvenWhenForced() {
        Volume v = store.create(CreateRequest.named("busy"));
        users.put("busy", List.of("abc123", "def456"));

        ConflictException e = assertThrows(ConflictException.class, () -> store.remove("busy", false));
        assertEquals("remove busy: volume is in use - [abc123, def456]", e.getMessage());
        assertThrows(ConflictException.class, () -> store.remove("busy", true));
        assertTrue(Files.isDirectory(v.mountpoint()));
    }

    @Test
    void removeOfAMissingVolumeIsNotFoundUnlessForced() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> store.remove("nosuch", false));
        assertEquals("get nosuch: no such volume", e.getMessage());
        store.remove("nosuch", true);
        store.remove("../../etc", true);
        assertThrows(NotFoundException.class, () -> store.get("../../etc"));
    }

    @Test
    void pruneTakesOnlyUnusedAnonymousVolumesByDefault() throws IOException {
        Volume anon = store.create(new CreateRequest(null, null, null, null));
        Volume anonUsed = store.create(new CreateRequest(null, null, null, null));
        store.create(CreateRequest.named("named"));
        Files.write(anon.mountpoint().resolve("blob"), new byte[1000]);
        users.put(anonUsed.name(), List.of("c1"));

        PruneReport report = store.prune(new PruneRequest(Set.of(), Set.of(), false));

        assertEquals(List.of(anon.name()), report.deleted());
        assertEquals(1000, report.spaceReclaimed());
        assertEquals(List.of(anonUsed.name(), "named").stream().sorted().toList(), names(VolumeQuery.ALL));
        Event prune = volumeEvents().getLast();
        assertEquals("prune", prune.action());
        assertEquals(Map.of("reclaimed", "1000"), prune.attributes());
        assertTrue(
                volumeEvents().stream().anyMatch(e -> e.action().equals("destroy") && e.actorId().equals(anon.name())));
    }

    @Test
    void pruneAllTakesNamedVolumesButNeverMountedKinds() {
        store.create(CreateRequest.named("named"));
        store.create(withOptions("tmp", Map.of("type", "tmpfs", "device", "tmpfs")));

        PruneReport report = store.prune(new PruneRequest(Set.of(), Set.of(), true));

        assertEquals(List.of("named"), report.deleted());
        assertEquals(List.of("tmp"), names(VolumeQuery.ALL));
    }

    @Test
    void pruneHonoursLabelAndNotLabel() {
        store.create(new CreateRequest("keep-me", null, null, Map.of("keep", "yes", "env", "ci")));
        store.create(new CreateRequest("ci-one", null, null, Map.of("env", "ci")));
        store.create(new CreateRequest("dev-one", null, null, Map.of("env", "dev")));

        assertEquals(List.of("ci-one"),
                store.prune(new PruneRequest(Set.of("env=ci"), Set.of("keep"), true)).deleted());
        assertEquals(List.of("dev-one"), store.prune(new PruneRequest(Set.of(), Set.of("keep=yes"), true)).deleted());
        assertEquals(List.of("keep-me"), names(VolumeQuery.ALL));
    }

    @Test
    void aNewStoreSeesTheSameVolumesAndClearsInterruptedOperations() throws IOException {
        Volume v = store
                .create(new CreateRequest("kept", null, Map.of("type", "tmpfs", "device", "tmpfs"), Map.of("a", "b")));
        Path volumes = dataRoot.resolve("volumes");
        Files.createDirectories(volumes.resolve(".tmp-123/_data"));
        Files.createDirectories(volumes.resolve(".trash-456/_data/sub"));
        Files.createDirectories(volumes.resolve("handmade/_data"));

        VolumeStore reopened = new VolumeStore(dataRoot, new EventBus());

        assertEquals(v, reopened.get("kept"));
        assertFalse(Files.exists(volumes.resolve(".tmp-123")));
        assertFalse(Files.exists(volumes.resolve(".trash-456")));
        Volume handmade = reopened.get("handmade");
        assertEquals(Map.of(), handmade.labels());
        assertEquals(List.of("handmade", "kept"), reopened.list(VolumeQuery.ALL).stream().map(Volume::name).toList());
    }

    @Test
    void diskUsageCountsBytesOncePerInodeAndUsers() throws IOException {
        Volume v = store.create(CreateRequest.named("used"));
        store.create(withOptions("tmp", Map.of("type", "tmpfs", "device", "tmpfs")));
        Files.write(v.mountpoint().resolve("a"), new byte[300]);
        Files.createLink(v.mountpoint().resolve("a-link"), v.mountpoint().resolve("a"));
        Files.createDirectories(v.mountpoint().resolve("d"));
        Files.write(v.mountpoint().resolve("d/b"), new byte[45]);
        users.put("used", List.of("c1", "c2"));

        List<VolumeUsageData> usage = store.diskUsage();

        assertEquals(1, usage.size(), "volumes with mount options are not local data");
        assertEquals(new VolumeUsageData(v, 345, 2), usage.getFirst());
    }
}
