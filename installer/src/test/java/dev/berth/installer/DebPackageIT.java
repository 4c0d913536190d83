package dev.berth.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testkit.Await;
import dev.berth.testkit.BerthdCommand;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The .deb as a new user meets it: made by {@code scripts/package} from this build, installed with apt into a fresh
 * Debian 12 root booted by its own systemd (apt resolves runc, conmon, GTK … from the archive), the engine's service
 * running, a member of the berth group running containers and the app without sudo (and without any JDK on the
 * machine), an upgrade that keeps containers running, and {@code dpkg -r} / {@code dpkg -P} that leave the machine
 * as it was before the package came.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebPackageIT {
    private static final String USER = "alice";
    private static final String IMAGE = "berth-test/busybox:1";
    private static final String SOCKET = "/run/berth/berth.sock";
    /** Where the test keeps its files inside the root (made before the "before" listing, so it does not count). */
    private static final String FILES = "/srv/berth-test";

    private static Path checkout;
    private static Path deb;
    private static BootedRoot root;
    private static Snapshot before;

    @BeforeAll
    static void packageAndBoot() throws Exception {
        assumeTrue(System.getProperty("user.name").equals("root"), "installing packages into a booted root needs root");
        for (String tool : List.of("/usr/bin/mmdebstrap", "/usr/bin/unshare", "/usr/bin/nsenter", "/usr/bin/fakeroot",
                "/usr/bin/dpkg-deb", "/usr/bin/desktop-file-validate", "/usr/bin/xvfb-run")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is missing (scripts/install-deps --test)");
        }
        checkout = BerthdCommand.checkoutRoot();
        BootedRoot.Result packaged = BootedRoot.run(List.of(checkout.resolve("scripts/package").toString(),
                "--no-build"), Duration.ofMinutes(15));
        assertEquals(0, packaged.exit(), packaged.output());
        try (Stream<Path> debs = Files.list(checkout.resolve("dist"))) {
            deb = debs.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        Path dir = Files.createTempDirectory(Path.of("/var/tmp"), "berth-deb-it-");
        root = BootedRoot.make(dir);
        Path files = Files.createDirectories(root.path(FILES));
        Files.copy(deb, files.resolve("berth.deb"));
        TestImages.busybox().writeArchive(files.resolve("busybox.tar"), IMAGE);
        Path docker = Path.of("/usr/local/bin/docker");
        Files.copy(Files.isExecutable(docker) ? docker : Path.of("/usr/bin/docker"), root.path("/usr/local/bin/docker"),
                StandardCopyOption.COPY_ATTRIBUTES);
        ok(root.asRoot("useradd", "--create-home", "--shell", "/bin/bash", USER));
        ok(root.asRoot("apt-get", "update", "-qq"));
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (root != null) {
            root.close();
        }
    }

    @Test
    @Order(1)
    void aptInstallsTheDebWithItsDependenciesAndTheServiceStarts() throws Exception {
        // apt resolves what the package asks for from the archive (what a first `apt install ./berth.deb` does), then
        // the machine is listed: removing the package must bring it back to exactly this.
        String depends = ok(List.of("dpkg-deb", "-f", deb.toString(), "Depends")).output().strip();
        ok(root.asRoot("apt-get", "satisfy", "-y", "-qq", "--no-install-recommends", depends));
        before = Snapshot.of(root);
        assertFalse(before.files().contains("/usr/lib/berth"), "the root had no Berth before");

        String installed = ok(root.asRoot("env", "SUDO_USER=" + USER, "apt-get", "install", "-y", "-qq",
                "--no-install-recommends", FILES + "/berth.deb")).output();
        assertTrue(installed.contains("added " + USER + " to the berth group"), installed);
        awaitEngine();
        assertEquals("enabled", state("is-enabled"));
        // The engine's AOT cache, recorded where the package was made, is taken where it is installed.
        String aot = ok(root.asRoot("env", "BERTHD_JAVA_OPTIONS=-Xlog:aot=info", "/usr/lib/berth/bin/berthd",
                "--version")).output();
        assertTrue(aot.contains("Opened AOT cache /usr/lib/berth/"), aot);
        assertFalse(aot.contains("mismatch") || aot.contains("Unable to use"), aot);
        assertTrue(ok(root.asRoot("getent", "group", "berth")).output().contains(USER));
    }

    @Test
    @Order(2)
    void aMemberOfTheBerthGroupRunsAContainerWithoutSudo() throws Exception {
        ok(root.asUser(USER, "docker", "-H", "unix://" + SOCKET, "load", "-i", FILES + "/busybox.tar"));
        String said = ok(root.asUser(USER, "docker", "-H", "unix://" + SOCKET, "run", "--rm", IMAGE, "echo", "hi"))
                .output();
        assertEquals("hi", said.strip());
    }

    @Test
    @Order(3)
    void theInstalledAppShowsItsWindowWithNoJdkOnTheMachine() throws Exception {
        assertNotEquals(0, run(root.asRoot("sh", "-c", "command -v java || command -v javac || ls -d /usr/lib/jvm"))
                .exit(), "the root has no Java of its own");
        String shown = ok(root.asUser(USER, "xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "berth", "--first-frame"))
                .output();
        assertTrue(shown.matches("(?s).*berth: first frame after \\d+ ms.*"), shown);
        // Its first start gave the user the docker CLI context for the engine.
        String version = ok(root.asUser(USER, "docker", "--context", "berth", "version", "--format",
                "{{.Server.Version}}")).output().strip();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), version);
    }

    @Test
    @Order(4)
    void theDesktopEntryAndIconsAreThere() throws Exception {
        Path entry = root.path("/usr/share/applications/dev.berth.Berth.desktop");
        BootedRoot.Result valid = run(List.of("desktop-file-validate", entry.toString()));
        assertEquals(0, valid.exit(), valid.output());
        assertEquals("", valid.output().strip(), "no warnings either");
        for (int size : new int[]{16, 32, 48, 64, 128, 256, 512}) {
            assertTrue(Files.isRegularFile(root.path("/usr/share/icons/hicolor/" + size + "x" + size
                    + "/apps/dev.berth.Berth.png")), "icon " + size);
        }
    }

    @Test
    @Order(4)
    void theRpmHoldsTheSameFilesAndScriptsAsTheDeb() throws Exception {
        Path rpm;
        try (Stream<Path> files = Files.list(checkout.resolve("dist"))) {
            rpm = files.filter(p -> p.getFileName().toString().endsWith(".rpm")).findFirst()
                    .orElseThrow(() -> new AssertionError("scripts/package made no .rpm (rpmbuild is installed)"));
        }
        Set<String> debFiles = new TreeSet<>();
        for (String line : ok(List.of("dpkg-deb", "-c", deb.toString())).output().lines().toList()) {
            String path = line.replaceFirst("^.*? \\./", "/").replaceFirst(" -> .*$", "").replaceFirst("/$", "");
            if (!path.isEmpty() && !path.equals("/")) {
                debFiles.add(path);
            }
        }
        Set<String> rpmFiles = new TreeSet<>(ok(List.of("rpm", "-qlp", rpm.toString())).output().lines().toList());
        // rpm lists what the package owns; dpkg's archive also holds the shared parents (/usr, /usr/share …).
        Set<String> onlyInRpm = new TreeSet<>(rpmFiles);
        onlyInRpm.removeAll(debFiles);
        assertEquals(Set.of(), onlyInRpm);
        Set<String> ownedByDeb = new TreeSet<>(debFiles);
        ownedByDeb.removeIf(f -> !f.startsWith("/usr/lib/berth") && !f.contains("berth") && !f.contains("Berth"));
        ownedByDeb.removeAll(rpmFiles);
        assertEquals(Set.of(), ownedByDeb, "every file of Berth's is in both");
        String requires = ok(List.of("rpm", "-qp", "--requires", rpm.toString())).output();
        for (String needed : List.of("(runc or crun)", "conmon", "iptables", "iproute", "libgtk-3.so.0()(64bit)")) {
            assertTrue(requires.contains(needed), needed + " in " + requires);
        }
        String scripts = ok(List.of("rpm", "-qp", "--scripts", rpm.toString())).output();
        assertTrue(scripts.contains("set -- configure") && scripts.contains("stop-containers"), scripts);
    }

    @Test
    @Order(5)
    void anUpgradeRestartsTheEngineAndKeepsContainersRunning() throws Exception {
        ok(root.asUser(USER, "docker", "-H", "unix://" + SOCKET, "run", "-d", "--name", "keeper", IMAGE, "sleep",
                "600"));
        String pid = containerPid("keeper");
        String engineBefore = state("show", "--property=MainPID", "--value");

        Path newer = root.path(FILES).resolve("newer");
        Files.createDirectories(newer);
        ok(List.of("env", "BERTH_DEB_COMPRESSION=gzip", checkout.resolve("installer/linux/make-deb").toString(),
                checkout.resolve("dist/berth").toString(), "0.1.1-SNAPSHOT", newer.toString()));
        ok(root.asRoot("sh", "-c", "apt-get install -y -qq " + FILES + "/newer/berth_*.deb"));
        awaitEngine();
        assertNotEquals(engineBefore, state("show", "--property=MainPID", "--value"), "berthd was restarted");
        assertEquals(pid, containerPid("keeper"), "the same container process runs on");
    }

    @Test
    @Order(6)
    void anUpgradeLeavesAnEngineTheAdminStoppedAndDisabledAsItWas() throws Exception {
        keeperPid = containerPid("keeper");
        ok(root.asRoot("systemctl", "disable", "--now", "berthd.service"));
        Path newest = root.path(FILES).resolve("newest");
        Files.createDirectories(newest);
        ok(List.of("env", "BERTH_DEB_COMPRESSION=gzip", checkout.resolve("installer/linux/make-deb").toString(),
                checkout.resolve("dist/berth").toString(), "0.1.2-SNAPSHOT", newest.toString()));
        ok(root.asRoot("sh", "-c", "apt-get install -y -qq " + FILES + "/newest/berth_*.deb"));
        assertEquals("disabled", run(root.asRoot("systemctl", "is-enabled", "berthd.service")).output().strip());
        assertEquals("inactive", state("is-active"));
    }

    @Test
    @Order(7)
    void removeStopsContainersEvenWithTheEngineStoppedAndTakesEverythingButTheData() throws Exception {
        String pid = keeperPid;
        assertEquals("inactive", state("is-active"), "the engine is stopped; its containers run on");
        assertEquals(0, run(root.asRoot("test", "-e", "/proc/" + pid)).exit(), "the container outlived its engine");
        String removed = ok(root.asRoot("dpkg", "-r", "berth")).output();
        assertTrue(removed.contains("stopped keeper"), removed);
        assertNotEquals(0, run(root.asRoot("test", "-e", "/proc/" + pid)).exit(), "the container's process is gone");
        assertEquals("", run(root.asRoot("pgrep", "-a", "-f", "conmon|berthd|sleep 600")).output().strip(),
                "no engine, monitor or container runs");
        Snapshot after = Snapshot.of(root);
        Set<String> left = after.filesNotIn(before);
        // dpkg keeps its record of a package removed but not purged (its file list and postrm) until the purge.
        left.removeIf(f -> f.startsWith("/var/lib/dpkg/info/berth."));
        Set<String> notData = new TreeSet<>(left);
        notData.removeIf(f -> f.startsWith("/var/lib/berth"));
        assertEquals(Set.of(), notData, "left behind besides the data");
        assertTrue(left.contains("/var/lib/berth"), "images and volumes are kept until purge");
        assertEquals(before.units(), after.units(), "no unit left");
    }

    @Test
    @Order(8)
    void purgeLeavesTheMachineAsItWasBefore() throws Exception {
        String purged = ok(root.asRoot("dpkg", "-P", "berth")).output();
        assertTrue(purged.contains("removing its data, /var/lib/berth"), purged);
        Snapshot after = Snapshot.of(root);
        assertEquals(Set.of(), after.filesNotIn(before), "files left behind");
        assertEquals(Set.of(), before.filesNotIn(after), "files taken that were there before");
        assertEquals(before.groups(), after.groups(), "groups");
        assertEquals(before.units(), after.units(), "units");
        assertFalse(Files.exists(root.path("/run/berth")), "/run/berth");
    }

    private static void awaitEngine() {
        Await.until("berthd.service to answer on its socket", Duration.ofMinutes(2), () -> {
            try {
                return state("is-active").equals("active") && run(root.asRoot("test", "-S", SOCKET)).exit() == 0
                        && run(root.asUser(USER, "docker", "-H", "unix://" + SOCKET, "version")).exit() == 0;
            } catch (Exception e) {
                return false;
            }
        }, () -> {
            try {
                return run(root.asRoot("journalctl", "-u", "berthd", "--no-pager", "-n", "30")).output();
            } catch (Exception e) {
                return e.toString();
            }
        });
    }

    /** The container kept through the upgrades, whose process the removal must end. */
    private static String keeperPid;

    private static String containerPid(String name) throws Exception {
        return ok(root.asUser(USER, "docker", "-H", "unix://" + SOCKET, "inspect", "-f", "{{.State.Pid}}", name))
                .output().strip();
    }

    private static String state(String... verb) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("systemctl"));
        cmd.addAll(List.of(verb));
        cmd.add("berthd.service");
        return run(root.asRoot(cmd.toArray(String[]::new))).output().strip();
    }

    private static BootedRoot.Result run(List<String> command) throws Exception {
        return BootedRoot.run(command, Duration.ofMinutes(10));
    }

    private static BootedRoot.Result ok(List<String> command) throws Exception {
        BootedRoot.Result r = run(command);
        assertEquals(0, r.exit(), () -> String.join(" ", command) + ":\n" + r.output());
        return r;
    }

    /** What the package may change on a machine: its files, its groups, its systemd units. */
    record Snapshot(Set<String> files, String groups, String units) {
        static Snapshot of(BootedRoot root) throws Exception {
            // The file system of the root only (-xdev: not /proc, /sys, /dev, /run, /tmp); not the logs and caches
            // apt and the journal keep, nor dpkg's backup copies of its own database; not /home, which holds what
            // the user made (their docker context, the app's settings), as every package leaves it.
            String listed = ok(root.asRoot("sh", "-c", "find / -xdev \\( -path /var/log -o -path /var/cache "
                    + "-o -path /var/lib/apt -o -path /home -o -path " + FILES + " -o -name '*-old' "
                    + "-o -path /var/lib/dpkg/triggers \\) -prune -o -print")).output();
            Set<String> files = new TreeSet<>(listed.lines().toList());
            String groups = ok(root.asRoot("getent", "group")).output();
            String units = ok(root.asRoot("systemctl", "list-unit-files", "--no-legend", "--no-pager")).output();
            return new Snapshot(files, groups, units);
        }

        Set<String> filesNotIn(Snapshot other) {
            Set<String> diff = new TreeSet<>(files);
            diff.removeAll(other.files());
            return diff;
        }
    }
}
