package dev.berth.runtime.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Tar archives an attacker would send: files, directories, symlinks and hard links whose names and targets use
 * {@code ..}, {@code .}, absolute paths and each other, to escape the directory they are unpacked into.
 */
public final class RandomTar {
    private RandomTar() {}

    /** One entry: 0 file, 1 directory, 2 symlink, 3 hard link. */
    public record Entry(int kind, String name, String target) {}

    /** Entry lists whose names come from {@code parts} joined by slashes (sometimes with a leading one). */
    public static Arbitrary<List<Entry>> entries(String... parts) {
        Arbitrary<String> part = Arbitraries.of(parts);
        Arbitrary<String> path = part.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l));
        Arbitrary<String> name = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, path),
                net.jqwik.api.Tuple.of(1, path.map(p -> "/" + p)));
        return Combinators.combine(Arbitraries.integers().between(0, 3), name, name).as(Entry::new)
                .list().ofMinSize(1).ofMaxSize(8);
    }

    /** The archive, every file holding {@code content}. */
    public static byte[] tar(List<Entry> entries, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry t;
                byte[] data = new byte[0];
                switch (e.kind()) {
                    case 0 -> {
                        t = new TarArchiveEntry(e.name().endsWith("/") ? e.name() + "f" : e.name());
                        data = content.getBytes(StandardCharsets.UTF_8);
                        t.setSize(data.length);
                    }
                    case 1 -> t = new TarArchiveEntry(e.name().endsWith("/") ? e.name() : e.name() + "/");
                    case 2 -> {
                        t = new TarArchiveEntry(e.name(), TarConstants.LF_SYMLINK);
                        t.setLinkName(e.target());
                    }
                    default -> {
                        t = new TarArchiveEntry(e.name(), TarConstants.LF_LINK);
                        t.setLinkName(e.target());
                    }
                }
                tar.putArchiveEntry(t);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
