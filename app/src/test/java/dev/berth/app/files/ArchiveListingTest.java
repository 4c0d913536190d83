package dev.berth.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.app.engine.FileEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveListingTest {
    private static byte[] tar(String... names) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(buf)) {
            for (String n : names) {
                TarArchiveEntry e = n.contains("->") ? new TarArchiveEntry(n.split("->")[0], TarArchiveEntry.LF_SYMLINK)
                        : new TarArchiveEntry(n);
                if (n.contains("->")) {
                    e.setLinkName(n.split("->")[1]);
                }
                byte[] data = n.endsWith("/") || n.contains("->") ? new byte[0] : ("data of " + n).getBytes();
                e.setSize(data.length);
                e.setMode(n.endsWith("/") ? 040755 : 0100640);
                out.putArchiveEntry(e);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        return buf.toByteArray();
    }

    @Test
    void childrenOfADirectoryWithModesAndLinks() throws IOException {
        List<FileEntry> list = ArchiveListing.children(new ByteArrayInputStream(tar("etc/", "etc/b.conf", "etc/a/",
                "etc/a/deep.conf", "etc/mtab->/proc/mounts")));
        assertEquals(List.of("a", "b.conf", "mtab"), list.stream().map(FileEntry::name).toList());
        assertEquals("drwxr-xr-x", list.get(0).modeString());
        assertEquals("-rw-r-----", list.get(1).modeString());
        assertEquals("data of etc/b.conf".length(), list.get(1).size());
        assertEquals("/proc/mounts", list.get(2).linkTarget());
    }

    @Test
    void theRootArchive() throws IOException {
        List<FileEntry> list = ArchiveListing
                .children(new ByteArrayInputStream(tar("./", "./bin/", "./bin/sh", "./etc/")));
        assertEquals(List.of("bin", "etc"), list.stream().map(FileEntry::name).toList());
    }

    @Test
    void extractRefusesEntriesOutsideTheTarget(@TempDir Path dir) throws IOException {
        assertThrows(IOException.class, () -> ArchiveTransfer.extract(new ByteArrayInputStream(tar("../evil")), dir));
        assertEquals(1, ArchiveTransfer.extract(new ByteArrayInputStream(tar("ok/", "ok/f")), dir));
    }

    @Test
    void pathNames() {
        assertEquals("/etc", PathNames.normalize("//etc/./ssl/.."));
        assertEquals("/", PathNames.parent("/etc"));
        assertEquals("/usr/lib", PathNames.resolveLink("/", "usr/lib"));
        assertEquals("/lib", PathNames.resolveLink("/usr/bin", "../../lib"));
        assertEquals(List.of("a", "b"), PathNames.segments("/a/b/"));
        assertEquals(false, PathNames.within("/etc", "/volume"));
    }
}
