package dev.berth.app.testing;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineException;
import dev.berth.app.engine.ExecResult;
import dev.berth.app.engine.ExecSession;
import dev.berth.app.engine.FileEntry;
import dev.berth.app.engine.LogLine;
import dev.berth.app.engine.LogOptions;
import dev.berth.app.engine.StatsSample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The "inside a container" half of {@link FakeEngine}: a file tree served through a real tar archive, a log and
 * stats stream the test drives, terminals that echo what is typed (as a TTY in cooked mode does), and commands
 * answered from a script.
 */
public final class FakeInside {
    /** Absolute path → content; directories are entries with a {@code null} content. */
    public final Map<String, byte[]> files = new TreeMap<>();
    public final Map<String, String> symlinks = new TreeMap<>();
    public final List<LogLine> log = new ArrayList<>();
    public final Map<String, ExecResult> commands = new TreeMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<FakeTerminal> terminals = new CopyOnWriteArrayList<>();
    public String containerJson = "{\"Id\":\"c1\",\"Name\":\"/web\",\"Config\":{\"Image\":\"busybox\",\"Env\":[\"A=1\"]}}";
    public String imageJson = "{\"Id\":\"sha256:bb\",\"RepoTags\":[\"busybox:latest\"]}";
    private volatile Consumer<LogLine> logSink;
    /** The followed containers' sinks, in the order their streams were opened. */
    private final java.util.Map<String, Consumer<StatsSample>> statsSinks = java.util.Collections
            .synchronizedMap(new java.util.LinkedHashMap<>());
    private volatile Consumer<StatsSample> statsSink;

    public FakeInside() {
        dir("/");
    }

    public FakeInside dir(String path) {
        files.put(path, null);
        return this;
    }

    public FakeInside file(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Sends a log line to a followed log. */
    public void emitLog(LogLine line) {
        logSink.accept(line);
    }

    public void emitStats(StatsSample sample) {
        statsSink.accept(sample);
    }

    /** Sends {@code sample} to the stream of {@code containerId}. */
    public void emitStats(String containerId, StatsSample sample) {
        statsSinks.get(containerId).accept(sample);
    }

    public boolean statsFollowed() {
        return statsSink != null;
    }

    /** The containers whose stats streams are open. */
    public java.util.Set<String> statsFollowedIds() {
        synchronized (statsSinks) {
            return java.util.Set.copyOf(statsSinks.keySet());
        }
    }

    ExecSession openTerminal(String containerId, List<String> command, int cols, int rows) {
        calls.add("openTerminal " + containerId + " " + String.join(" ", command) + " " + cols + "x" + rows);
        FakeTerminal t = new FakeTerminal(cols, rows);
        terminals.add(t);
        return t;
    }

    ExecResult runCommand(String containerId, List<String> command) {
        calls.add("runCommand " + String.join(" ", command));
        ExecResult r = commands.get(String.join(" ", command));
        if (r == null) {
            throw new EngineException("OCI runtime exec failed: executable file not found", 500, null);
        }
        return r;
    }

    Engine.Subscription logs(String containerId, LogOptions options, Consumer<LogLine> onLine,
            Consumer<EngineException> onEnd) {
        calls.add("logs " + containerId + " tail=" + options.tail() + " follow=" + options.follow());
        List<LogLine> lines = options.tail() >= 0 && options.tail() < log.size()
                ? log.subList(log.size() - options.tail(), log.size()) : log;
        lines.stream().filter(l -> options.since() == null || !l.time().isBefore(options.since())).forEach(onLine);
        if (options.follow()) {
            logSink = onLine;
        } else {
            onEnd.accept(null);
        }
        return () -> {
            calls.add("logs closed");
            logSink = null;
        };
    }

    Engine.Subscription stats(String containerId, Consumer<StatsSample> onSample, Consumer<EngineException> onEnd) {
        calls.add("stats " + containerId);
        statsSink = onSample;
        statsSinks.put(containerId, onSample);
        return () -> {
            calls.add("stats closed " + containerId);
            statsSinks.remove(containerId);
            if (statsSink == onSample) {
                statsSink = null;
            }
        };
    }

    FileEntry statPath(String containerId, String path) {
        calls.add("statPath " + path);
        String p = normalize(path);
        if (symlinks.containsKey(p)) {
            return new FileEntry(name(p), FileEntry.Type.SYMLINK, 0, 0777, Instant.EPOCH, symlinks.get(p));
        }
        if (!files.containsKey(p)) {
            throw new EngineException("Could not find the file " + path + " in container " + containerId, 404, null);
        }
        byte[] content = files.get(p);
        return content == null ? new FileEntry(name(p), FileEntry.Type.DIRECTORY, 4096, 0755, Instant.EPOCH, "")
                : new FileEntry(name(p), FileEntry.Type.FILE, content.length, 0644, Instant.EPOCH, "");
    }

    /** A tar of {@code path} with entry names relative to its parent, as the engine sends it. */
    InputStream getArchive(String containerId, String path) {
        calls.add("getArchive " + path);
        String p = normalize(path);
        statPath(containerId, p);
        String base = p.equals("/") ? "" : p.substring(0, p.lastIndexOf('/') + 1);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buf)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : files.entrySet()) {
                if (!(e.getKey().equals(p) || e.getKey().startsWith(p.endsWith("/") ? p : p + "/"))) {
                    continue;
                }
                String name = e.getKey().equals("/") ? "./" : e.getKey().substring(base.length());
                TarArchiveEntry entry = new TarArchiveEntry(e.getValue() == null ? name + "/" : name);
                entry.setSize(e.getValue() == null ? 0 : e.getValue().length);
                tar.putArchiveEntry(entry);
                if (e.getValue() != null) {
                    tar.write(e.getValue());
                }
                tar.closeArchiveEntry();
            }
            for (var s : symlinks.entrySet()) {
                if (s.getKey().startsWith(p.endsWith("/") ? p : p + "/")) {
                    TarArchiveEntry link = new TarArchiveEntry(s.getKey().substring(base.length()),
                            TarArchiveEntry.LF_SYMLINK);
                    link.setLinkName(s.getValue());
                    tar.putArchiveEntry(link);
                    tar.closeArchiveEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(buf.toByteArray());
    }

    void putArchive(String containerId, String directory, InputStream tarStream) {
        calls.add("putArchive " + directory);
        String dir = normalize(directory);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(tarStream)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String path = (dir.equals("/") ? "" : dir) + "/" + e.getName().replaceAll("/$", "");
                files.put(path, e.isDirectory() ? null : tar.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String startVolumeHelper(String volume, String image, String mountPoint) {
        calls.add("startVolumeHelper " + volume + " " + image + " " + mountPoint);
        return "helper-" + volume;
    }

    private static String normalize(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String name(String p) {
        return p.equals("/") ? "/" : p.substring(p.lastIndexOf('/') + 1);
    }

    /** A terminal that echoes input back and remembers its size, like a TTY whose program only echoes. */
    public static final class FakeTerminal implements ExecSession {
        private final PipedInputStream out = new PipedInputStream(1 << 16);
        private final PipedOutputStream toOut;
        public volatile int cols;
        public volatile int rows;
        public final ByteArrayOutputStream typed = new ByteArrayOutputStream();
        private volatile boolean open = true;

        FakeTerminal(int cols, int rows) {
            this.cols = cols;
            this.rows = rows;
            try {
                toOut = new PipedOutputStream(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String id() {
            return "exec-" + System.identityHashCode(this);
        }

        @Override
        public InputStream output() {
            return out;
        }

        @Override
        public OutputStream input() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[]{(byte) b}, 0, 1);
                }

                @Override
                public synchronized void write(byte[] b, int off, int len) throws IOException {
                    typed.write(b, off, len);
                    toOut.write(b, off, len);
                    toOut.flush();
                }
            };
        }

        @Override
        public void resize(int cols, int rows) {
            this.cols = cols;
            this.rows = rows;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public int waitFor() {
            return 0;
        }

        @Override
        public void close() {
            open = false;
            try {
                toOut.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
