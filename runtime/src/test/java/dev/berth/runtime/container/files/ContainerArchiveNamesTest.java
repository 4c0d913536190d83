package dev.berth.runtime.container.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.runtime.errors.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class ContainerArchiveNamesTest {
    @Test
    void baseNamesFollowMoby() {
        assertEquals(".", ContainerArchive.baseName("/etc/."));
        assertEquals("etc", ContainerArchive.baseName("/etc/"));
        assertEquals("hosts", ContainerArchive.baseName("/etc/hosts"));
        assertEquals("/", ContainerArchive.baseName("/"));
    }

    @Test
    void tarNamesWithDotDotOrAbsoluteAreRefused() {
        assertThrows(InvalidArgumentException.class, () -> TarExtractor.checkedName("../x"));
        assertThrows(InvalidArgumentException.class, () -> TarExtractor.checkedName("a/../../x"));
        assertThrows(InvalidArgumentException.class, () -> TarExtractor.checkedName("/etc/x"));
        assertEquals(java.util.List.of("a", "b"), TarExtractor.checkedName("./a/b/"));
    }
}
