package dev.berth.runtime.container.xray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountInfoTest {
    static final String OVERLAY = "812 29 0:88 / /var/lib/berth/containers/c1/merged rw,relatime shared:400 - overlay overlay "
            + "rw,lowerdir=/var/lib/berth/layers/l/aaaa:/var/lib/berth/layers/l/bbbb,upperdir=/var/lib/berth/containers/c1/upper,"
            + "workdir=/var/lib/berth/containers/c1/work,index=off";

    @Test
    void findsTheOverlayMountAndItsDirs() {
        List<String> lines = List.of("22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw", OVERLAY);
        MountInfo.Entry e = MountInfo.find(lines, "/var/lib/berth/containers/c1/merged").orElseThrow();
        assertEquals("overlay", e.fsType());
        assertEquals("/var/lib/berth/layers/l/aaaa:/var/lib/berth/layers/l/bbbb", e.superOptions().get("lowerdir"));
        assertEquals("/var/lib/berth/containers/c1/upper", e.superOptions().get("upperdir"));
        assertEquals("", e.superOptions().get("rw"));
        assertTrue(MountInfo.find(lines, "/elsewhere").isEmpty());
    }

    @Test
    void decodesEscapedSpacesAndHandlesNoOptionalFields() {
        String line = "30 22 0:5 / /mnt/my\\040dir rw - tmpfs tmpfs rw,size=10k";
        MountInfo.Entry e = MountInfo.find(List.of(line), "/mnt/my dir").orElseThrow();
        assertEquals("tmpfs", e.fsType());
        assertEquals("10k", e.superOptions().get("size"));
        assertEquals("a\\b", MountInfo.unescape("a\\b"));
    }
}
