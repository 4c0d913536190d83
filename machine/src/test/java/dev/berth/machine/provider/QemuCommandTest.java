package dev.berth.machine.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.machine.MachineConfig;
import dev.berth.machine.MachinePaths;
import dev.berth.machine.VmAssets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The QEMU command line as a value: what each part of the Berth VM becomes on it. */
class QemuCommandTest {
    static final MachinePaths PATHS = MachinePaths.of("berth", Map.of("BERTH_HOME", "/home/ana/.berth"));
    static final Path VM = Path.of("/opt/berth/vm");

    static VmSpec spec(String arch, Accelerator accel, Path home) {
        return new VmSpec(MachineConfig.defaults().withSize(2, 3072, 64), PATHS, new VmAssets(VM, arch),
                accel, 41234, home);
    }

    /** The value that follows {@code flag} each time it appears. */
    static List<String> after(List<String> argv, String flag) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < argv.size() - 1; i++) {
            if (argv.get(i).equals(flag)) {
                out.add(argv.get(i + 1));
            }
        }
        return out;
    }

    @Test
    void x86UnderTcgBootsTheUncompressedKernelWithASmallTranslationCache() {
        List<String> argv = QemuCommand.of(spec("x86_64", Accelerator.TCG, Path.of("/home/ana"))).argv();
        assertEquals("qemu-system-x86_64", argv.get(0));
        assertEquals(List.of("q35"), after(argv, "-machine"));
        assertEquals(List.of("tcg,thread=multi,tb-size=128"), after(argv, "-accel"));
        assertEquals(List.of("max"), after(argv, "-cpu"));
        assertEquals(List.of(VM.resolve("vmlinux").toString()), after(argv, "-kernel"));
        assertEquals(List.of(VM.resolve("initramfs.img").toString()), after(argv, "-initrd"));
        assertEquals(List.of("2"), after(argv, "-smp"));
        assertEquals(List.of("3072M"), after(argv, "-m"));
        String cmdline = after(argv, "-append").getFirst();
        assertTrue(cmdline.startsWith("console=ttyS0 "), cmdline);
        assertTrue(cmdline.contains("berth.accel=tcg"), cmdline);
        assertTrue(cmdline.contains("berth.home=" + Path.of("/home/ana")), cmdline);
    }

    @Test
    void theDisksAreTheReadOnlySystemImageAndTheDataDiskBySerial() {
        List<String> argv = QemuCommand.of(spec("x86_64", Accelerator.KVM, null)).argv();
        assertEquals(List.of("if=none,id=root,format=raw,readonly=on,file=" + VM.resolve("rootfs.img"),
                "if=none,id=data,format=raw,discard=unmap,file=" + PATHS.dataDisk()), after(argv, "-drive"));
        List<String> devices = after(argv, "-device");
        assertTrue(devices.contains("virtio-blk-pci,drive=root,serial=berth-root"), devices.toString());
        assertTrue(devices.contains("virtio-blk-pci,drive=data,serial=berth-data"), devices.toString());
        assertTrue(devices.contains("virtio-balloon-pci,free-page-reporting=on"), devices.toString());
    }

    @Test
    void theApiPortIsForwardedOnLoopbackOnlyAndTheTokenGoesThroughFwCfg() {
        List<String> argv = QemuCommand.of(spec("x86_64", Accelerator.TCG, null)).argv();
        assertEquals(List.of("user,id=net0,hostfwd=tcp:127.0.0.1:41234-:2375"), after(argv, "-netdev"));
        assertEquals(List.of("name=opt/berth/token,file=" + PATHS.token()), after(argv, "-fw_cfg"));
        assertEquals(List.of("unix:" + PATHS.qmpSocket() + ",server=on,wait=off"), after(argv, "-qmp"));
    }

    @Test
    void theHomeFolderIsSharedAtTheSamePathOnlyWhenAsked() {
        List<String> shared = QemuCommand.of(spec("x86_64", Accelerator.TCG, Path.of("/home/ana"))).argv();
        assertEquals(List.of("local,path=" + Path.of("/home/ana") + ",mount_tag=home,security_model=none,id=home"),
                after(shared, "-virtfs"));
        List<String> none = QemuCommand.of(spec("x86_64", Accelerator.TCG, null)).argv();
        assertTrue(after(none, "-virtfs").isEmpty());
        assertFalse(after(none, "-append").getFirst().contains("berth.home"));
    }

    @Test
    void aHomeWithASpaceIsEscapedForTheKernelCommandLine() {
        String cmdline = spec("x86_64", Accelerator.TCG, Path.of("/Users/ana maria")).kernelCommandLine("ttyS0");
        assertTrue(List.of(cmdline.split(" "))
                .contains("berth.home=" + Path.of("/Users/ana maria").toString().replace(" ", "\\x20")), cmdline);
    }

    @Test
    void hardwareAccelerationUsesTheHostCpuAndLeavesC2OnInTheGuest() {
        List<String> argv = QemuCommand.of(spec("x86_64", Accelerator.KVM, null)).argv();
        assertEquals(List.of("kvm"), after(argv, "-accel"));
        assertEquals(List.of("host"), after(argv, "-cpu"));
        assertFalse(after(argv, "-append").getFirst().contains("berth.accel=tcg"));
    }

    @Test
    void arm64UsesTheVirtMachineItsImageAndItsSerialConsole() {
        List<String> argv = QemuCommand.of(spec("aarch64", Accelerator.HVF, null)).argv();
        assertEquals("qemu-system-aarch64", argv.get(0));
        assertEquals(List.of("virt,gic-version=max"), after(argv, "-machine"));
        assertEquals(List.of(VM.resolve("Image").toString()), after(argv, "-kernel"));
        assertEquals(List.of("hvf"), after(argv, "-accel"));
        assertTrue(after(argv, "-append").getFirst().startsWith("console=ttyAMA0 "));
    }

    @Test
    void theShellAndControlChannelsAreNamedVirtioPortsOnUnixSockets() {
        List<String> argv = QemuCommand.of(spec("x86_64", Accelerator.TCG, null)).argv();
        List<String> chardevs = after(argv, "-chardev");
        assertTrue(chardevs.contains("socket,id=shell,path=" + PATHS.shellSocket() + ",server=on,wait=off"),
                chardevs.toString());
        assertTrue(chardevs.contains("socket,id=control,path=" + PATHS.controlSocket() + ",server=on,wait=off"),
                chardevs.toString());
        List<String> devices = after(argv, "-device");
        assertTrue(devices.contains("virtconsole,chardev=shell,name=berth.shell"));
        assertTrue(devices.contains("virtserialport,chardev=control,name=berth.control"));
    }
}
