package dev.berth.runtime.container.xray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads processes and namespaces from a {@code /proc} tree (the real one, or a fixture in tests). */
public final class ProcReader {
    /** The namespace types a container can have its own of, in the order the X-ray lists them. */
    public static final List<String> NAMESPACE_TYPES = List.of("pid", "net", "mnt", "uts", "ipc", "cgroup", "user",
            "time");
    private static final Pattern NS_LINK = Pattern.compile("[a-z_]+:\\[(\\d+)]");

    private final Path proc;

    public ProcReader(Path proc) {
        this.proc = proc;
    }

    /** The status of {@code pid}, empty when it exited meanwhile. */
    public Optional<ProcStatus> status(long pid) {
        try {
            // readAllLines: this JDK's readString trusts the size 0 that /proc reports and truncates.
            return Optional.of(ProcStatus.parse(Files.readAllLines(dir(pid).resolve("status"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The command line with NULs as spaces; empty for kernel threads or a process that exited. */
    public String cmdline(long pid) {
        try {
            String s = new String(Files.readAllBytes(dir(pid).resolve("cmdline")), StandardCharsets.UTF_8);
            return s.replaceAll("\0+$", "").replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** One process as host and container see it, empty when it exited between listing and reading. */
    public Optional<ProcessEntry> process(long hostPid) {
        return status(hostPid).map(st -> new ProcessEntry(hostPid, st.innermostPid(), st.ppid(), st.name(),
                cmdline(hostPid), st.uid()));
    }

    /** The processes of {@code hostPids} that still exist, ordered by their pid inside the container. */
    public List<ProcessEntry> processes(List<Long> hostPids) {
        List<ProcessEntry> out = new ArrayList<>();
        for (long pid : hostPids) {
            process(pid).ifPresent(out::add);
        }
        out.sort((a, b) -> Long.compare(a.containerPid(), b.containerPid()));
        return out;
    }

    /**
     * The namespaces of {@code pid} beside those of {@code hostProcess} ("self" for berthd itself). Types the kernel
     * does not have (time before 5.6) are left out.
     */
    public List<NamespaceEntry> namespaces(long pid, String hostProcess) {
        List<NamespaceEntry> out = new ArrayList<>();
        for (String type : NAMESPACE_TYPES) {
            Optional<Long> mine = inode(dir(pid).resolve("ns").resolve(type));
            Optional<Long> host = inode(proc.resolve(hostProcess).resolve("ns").resolve(type));
            if (mine.isPresent() && host.isPresent()) {
                out.add(new NamespaceEntry(type, mine.get(), host.get(), mine.get().equals(host.get())));
            }
        }
        return out;
    }

    /** The inode in a namespace link's target, {@code net:[4026531833]}. */
    static Optional<Long> parseNamespaceLink(String target) {
        Matcher m = NS_LINK.matcher(target);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private static Optional<Long> inode(Path link) {
        try {
            return parseNamespaceLink(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private Path dir(long pid) {
        return proc.resolve(Long.toString(pid));
    }
}
