package dev.berth.machine.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** vfkit's command line and WSL2's commands and output, checked on any OS. */
class VfkitAndWslTest {

    @Test
    void vfkitReachesTheEngineOverVsockAndSharesHomeOverVirtioFs() {
        VmSpec spec = QemuCommandTest.spec("aarch64", Accelerator.HVF, Path.of("/Users/ana"));
        List<String> argv = VfkitCommand.of(spec, "/Applications/Berth.app/Contents/MacOS/vfkit").argv();
        assertEquals("/Applications/Berth.app/Contents/MacOS/vfkit", argv.getFirst());
        List<String> devices = QemuCommandTest.after(argv, "--device");
        assertTrue(
                devices.contains("virtio-vsock,port=2375,socketURL=" + QemuCommandTest.PATHS.dir().resolve("api.sock")
                        + ",listen"),
                devices.toString());
        assertTrue(devices.contains("virtio-fs,sharedDir=" + Path.of("/Users/ana") + ",mountTag=home"),
                devices.toString());
        assertTrue(devices.contains("virtio-blk,path=" + QemuCommandTest.VM.resolve("rootfs.img")), devices.toString());
        assertEquals(List.of("vsockPort=2376"), QemuCommandTest.after(argv, "--timesync"));
        String boot = QemuCommandTest.after(argv, "--bootloader").getFirst();
        assertTrue(boot.startsWith("linux,kernel=" + QemuCommandTest.VM.resolve("Image") + ",initrd="
                + QemuCommandTest.VM.resolve("initramfs.img")
                + ",cmdline=\"console=hvc0 "), boot);
    }

    @Test
    void wslListIsReadFromUtf16WithItsHeaderAndDefaultMark() {
        String listing = "  NAME      STATE           VERSION\r\n* Ubuntu    Running         2\r\n  berth     Stopped         2\r\n";
        byte[] raw = ("\uFEFF" + listing).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(Map.of("Ubuntu", "Running", "berth", "Stopped"), WslCommands.parseList(raw));
        // Some builds print UTF-8 when WSL_UTF8=1 is set: read that too.
        assertEquals(Map.of("Ubuntu", "Running", "berth", "Stopped"),
                WslCommands.parseList(listing.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void windowsPathsBecomeTheirWslMountPaths() {
        assertEquals("/mnt/c/Users/ana/src", WslCommands.toLinuxPath("C:\\Users\\ana\\src"));
        assertEquals("/mnt/d/", WslCommands.toLinuxPath("D:\\"));
        assertEquals("/home/ana", WslCommands.toLinuxPath("/home/ana"));
    }

    @Test
    void wslStartsBerthsInitAsRootAndImportsAsVersion2() {
        assertEquals(List.of("wsl.exe", "-d", "berth", "-u", "root", "--", "/sbin/berth-init", "wsl"),
                WslCommands.start("berth"));
        assertEquals(List.of("wsl.exe", "--import", "berth", "C:\\b\\wsl", "C:\\b\\berth-wsl.tar.gz", "--version", "2"),
                WslCommands.importDistro("berth", "C:\\b\\wsl", "C:\\b\\berth-wsl.tar.gz"));
    }

    @Test
    void acceleratorsFollowTheOperatingSystemAndAnOverride() {
        Path noKvm = Path.of("/nonexistent/kvm");
        assertEquals(Accelerator.HVF, Accelerator.detect("Mac OS X", noKvm));
        assertEquals(Accelerator.WHPX, Accelerator.detect("Windows 11", noKvm));
        assertEquals(Accelerator.TCG, Accelerator.detect("Linux", noKvm));
        assertEquals(Accelerator.TCG, Accelerator.choose(Map.of("BERTH_VM_ACCEL", "tcg")));
        assertEquals(Accelerator.TCG, Accelerator.KVM.fallback());
    }
}
