package dev.berth.runtime.container.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeMountPointsTest {
    @Test
    void mountPointsAndTheDirectoriesTheyAloneChangedAreLeftOut() {
        List<Change> scanned = List.of(new Change("/dev", Change.ADDED), new Change("/etc", Change.MODIFIED),
                new Change("/etc/hosts", Change.ADDED), new Change("/proc", Change.ADDED),
                new Change("/test", Change.ADDED));
        assertEquals(List.of(new Change("/test", Change.ADDED)), RuntimeMountPoints.leftOut(scanned));
    }

    @Test
    void aDirectoryWithChangesOfItsOwnStays() {
        List<Change> scanned = List.of(new Change("/etc", Change.MODIFIED), new Change("/etc/hosts", Change.ADDED),
                new Change("/etc/motd", Change.ADDED));
        assertEquals(List.of(new Change("/etc", Change.MODIFIED), new Change("/etc/motd", Change.ADDED)),
                RuntimeMountPoints.leftOut(scanned));
    }
}
