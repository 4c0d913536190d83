package dev.berth.runtime.container.xray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcReaderTest {
    @TempDir
    Path proc;

    private void process(long hostPid, long innerPid, String cmdline, String... ns) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(hostPid)).resolve("ns"));
        Files.write(dir.getParent().resolve("status"), List.of("Name:\tp" + hostPid, "PPid:\t1",
                "Uid:\t0\t0\t0\t0", "NSpid:\t" + hostPid + "\t" + innerPid));
        Files.write(dir.getParent().resolve("cmdline"), cmdline.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < ns.length; i += 2) {
            Files.createSymbolicLink(dir.resolve(ns[i]), Path.of(ns[i] + ":[" + ns[i + 1] + "]"));
        }
    }

    @Test
    void listsProcessesByTheirPidInsideTheContainer() throws IOException {
        process(5001, 7, "sh\0-c\0sleep 1\0");
        process(5000, 1, "init\0");
        List<ProcessEntry> ps = new ProcReader(proc).processes(List.of(5001L, 5000L, 5999L));
        assertEquals(2, ps.size(), "a pid that exited is skipped");
        assertEquals(new ProcessEntry(5000, 1, 1, "p5000", "init", 0), ps.get(0));
        assertEquals("sh -c sleep 1", ps.get(1).cmdline());
    }

    @Test
    void comparesNamespacesWithTheHosts() throws IOException {
        process(5000, 1, "x", "pid", "4026532201", "net", "4026532204", "user", "4026531837");
        Path self = Files.createDirectories(proc.resolve("self").resolve("ns"));
        Files.createSymbolicLink(self.resolve("pid"), Path.of("pid:[4026531836]"));
        Files.createSymbolicLink(self.resolve("net"), Path.of("net:[4026531833]"));
        Files.createSymbolicLink(self.resolve("user"), Path.of("user:[4026531837]"));
        List<NamespaceEntry> ns = new ProcReader(proc).namespaces(5000, "self");
        assertEquals(List.of(new NamespaceEntry("pid", 4026532201L, 4026531836L, false),
                new NamespaceEntry("net", 4026532204L, 4026531833L, false),
                new NamespaceEntry("user", 4026531837L, 4026531837L, true)), ns);
    }

    @Test
    void parsesNamespaceLinks() {
        assertEquals(Optional.of(4026531833L), ProcReader.parseNamespaceLink("net:[4026531833]"));
        assertEquals(Optional.of(1L), ProcReader.parseNamespaceLink("pid_for_children:[1]"));
        assertTrue(ProcReader.parseNamespaceLink("anon_inode:[eventfd]").isEmpty());
        assertFalse(ProcReader.parseNamespaceLink("").isPresent());
    }

    @Test
    void readsTheRealHostsOwnNamespaces() {
        List<NamespaceEntry> ns = new ProcReader(Path.of("/proc")).namespaces(ProcessHandle.current().pid(), "self");
        assertTrue(ns.size() >= 7, ns.toString());
        assertTrue(ns.stream().allMatch(NamespaceEntry::shared), "this process shares every namespace with itself");
    }
}
