package dev.berth.runtime.it;

import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testkit.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stores' writes survive a power cut (docs/ARCHITECTURE.md, "On disk"): traced with strace while berthd pulls an
 * image, tags it and makes a volume, every rename into the data root is of content already on disk (the file fsynced,
 * or the whole file system synced for a layer directory) and is followed by an fsync of the directory that holds the
 * new name — containerd's discipline. A test cannot cut the power; it can see the system calls.
 */
class FsyncDisciplineIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("fsync/busybox:1");

    private static final Pattern RENAME = Pattern
            .compile("^(\\d+) +rename(?:at2?)?\\((?:[^,]+, )?\"([^\"]+)\", (?:[^,]+, )?\"([^\"]+)\"");
    private static final Pattern SYNC = Pattern.compile("^(\\d+) +(fsync|fdatasync|syncfs)\\(\\d+<([^>]+)>");
    private static final Pattern RESUMED = Pattern.compile("^(\\d+) +<\\.\\.\\. (\\w+) resumed>.*= (-?\\d+)");

    /** One system call of the trace, in order. */
    private record Call(String kind, String path, String target) {}

    /**
     * The syncs (in the order they began) and the renames that succeeded. With {@code -f} a call another thread
     * interrupts is split over two lines ({@code <unfinished ...>}, then {@code <... rename resumed> = 0}).
     */
    private static List<Call> parse(List<String> lines) {
        List<Call> calls = new ArrayList<>();
        java.util.Map<String, Call> pendingRenames = new java.util.HashMap<>();
        for (String line : lines) {
            Matcher r = RENAME.matcher(line);
            Matcher s = SYNC.matcher(line);
            Matcher resumed = RESUMED.matcher(line);
            if (r.find()) {
                Call rename = new Call("rename", r.group(2), r.group(3));
                if (line.contains("<unfinished ...>")) {
                    pendingRenames.put(r.group(1), rename);
                } else if (line.matches(".*= 0$")) {
                    calls.add(rename);
                }
            } else if (s.find()) {
                calls.add(new Call(s.group(2), s.group(3), null));
            } else if (resumed.find() && resumed.group(2).startsWith("rename")) {
                Call rename = pendingRenames.remove(resumed.group(1));
                if (rename != null && resumed.group(3).equals("0")) {
                    calls.add(rename);
                }
            }
        }
        return calls;
    }

    @Test
    void everyRenameIntoTheDataRootIsOfSyncedContentAndIsSyncedItself() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")),
                "strace is not installed (scripts/install-deps --test)");
        Path trace = berthd.tempDir().resolve("strace.out");
        Process strace = new ProcessBuilder("strace", "-f", "-y", "-e",
                "trace=fsync,fdatasync,syncfs,rename,renameat,renameat2",
                "-o", trace.toString(), "-p", Long.toString(berthd.pid())).redirectErrorStream(true)
                .redirectOutput(berthd.tempDir().resolve("strace.err").toFile()).start();
        try {
            // strace says "Process N attached with M threads" once it holds every thread
            Await.until("strace to attach", Duration.ofSeconds(30), () -> {
                try {
                    return Files.readString(berthd.tempDir().resolve("strace.err")).contains("attached");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            String ref = berthd.image();
            assertEquals(0, berthd.docker("pull", ref).exitCode());
            assertEquals(0, berthd.docker("tag", ref, "fsync/tagged:1").exitCode());
            assertEquals(0, berthd.docker("volume", "create", "fsync-volume").exitCode());
        } finally {
            strace.destroy();
            strace.waitFor();
        }
        List<Call> calls = parse(Files.readAllLines(trace));
        String root = berthd.dataRoot().toString();
        int checked = 0;
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            if (!c.kind().equals("rename") || !c.target().startsWith(root + "/")) {
                continue;
            }
            checked++;
            String parent = Path.of(c.target()).getParent().toString();
            boolean contentSynced = calls.subList(0, i).stream().anyMatch(x -> !x.kind().equals("rename")
                    && (x.path().equals(c.path()) || (x.kind().equals("syncfs") && c.path().startsWith(x.path()))));
            boolean nameSynced = calls.subList(i + 1, calls.size()).stream().anyMatch(x -> !x.kind().equals("rename")
                    && x.path().equals(parent));
            assertTrue(contentSynced, "renamed before its content was synced: " + c.path() + " -> " + c.target());
            assertTrue(nameSynced, "the rename to " + c.target() + " was not followed by an fsync of " + parent);
        }
        // A pull writes blobs, layers and an image record; a tag the index; a volume its record and directory.
        assertTrue(checked >= 6, "too few renames into the data root seen (" + checked + "): " + calls);
    }
}
