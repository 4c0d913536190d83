package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.Layer;
import dev.berth.testkit.LayerBuilder;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImage;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Malicious layers and corrupt blobs fail the pull cleanly; nothing lands outside the data root; berthd keeps serving. */
class HostileImagesIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    private static final Path CANARY_DIR = Path.of("/tmp");

    @Test
    void pathTraversalEntriesAreRefused() throws Exception {
        assertRefused("dotdot",
                LayerBuilder.layer().rawEntry(file("../../../../tmp/berth-escape-dotdot"), "x".getBytes()).build(),
                "berth-escape-dotdot");
        assertRefused("absolute",
                LayerBuilder.layer().rawEntry(absolute("/tmp/berth-escape-abs"), "x".getBytes()).build(),
                "berth-escape-abs");
        assertRefused("symlink", LayerBuilder.layer().symlink("evil", "/tmp")
                .rawEntry(file("evil/berth-escape-symlink"), "x".getBytes()).build(), "berth-escape-symlink");
        assertRefused("hardlink", LayerBuilder.layer().hardlink("stolen", "../../../../etc/passwd").build(), null);
    }

    @Test
    void corruptBlobFailsThePullAndLeavesNoImage() throws Exception {
        TestImage image = TestImages.busybox();
        image.push(registry, "hostile/corrupt", "1");
        registry.corruptBlob(image.layers().get(1).digest());
        CommandResult pull = berthd.docker("pull", registry.host() + "/hostile/corrupt:1");
        assertNotEquals(0, pull.exitCode());
        String out = (pull.stdout() + pull.stderr()).toLowerCase();
        assertTrue(out.contains("digest") || out.contains("verify"), out);
        assertFalse(berthd.docker("images").stdout().contains("hostile/corrupt"));
        assertEquals(0, berthd.docker("version").exitCode(), "berthd must keep serving");
    }

    private void assertRefused(String name, Layer evil, String canary) throws Exception {
        TestImage image = TestImage.builder().layer(LayerBuilder.busyboxBase().build()).layer(evil).cmd("sh").build();
        image.push(registry, "hostile/" + name, "1");
        int passwdLinks = (Integer) Files.getAttribute(Path.of("/etc/passwd"), "unix:nlink");
        CommandResult pull = berthd.docker("pull", registry.host() + "/hostile/" + name + ":1");
        assertNotEquals(0, pull.exitCode(), name + " must be refused: " + pull.stdout());
        assertTrue((pull.stdout() + pull.stderr()).contains("layer"), pull.stdout() + pull.stderr());
        if (canary != null) {
            assertFalse(Files.exists(CANARY_DIR.resolve(canary)), "escaped to " + CANARY_DIR.resolve(canary));
        }
        assertEquals(passwdLinks, (Integer) Files.getAttribute(Path.of("/etc/passwd"), "unix:nlink"),
                "no hard link to a host file may be made");
        assertFalse(berthd.docker("images").stdout().contains("hostile/" + name));
        assertEquals(0, berthd.docker("version").exitCode(), "berthd must keep serving");
    }

    private static TarArchiveEntry file(String name) {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(1);
        e.setMode(0100644);
        return e;
    }

    private static TarArchiveEntry absolute(String name) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
        e.setSize(1);
        e.setMode(0100644);
        return e;
    }
}
