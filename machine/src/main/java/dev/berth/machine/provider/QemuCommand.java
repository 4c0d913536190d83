package dev.berth.machine.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * The QEMU command line for a {@link VmSpec}, as a value: the kernel booted directly (no firmware, no bootloader; on
 * x86_64 the uncompressed kernel through PVH, which saves seconds of in-guest decompression under TCG), the squashfs
 * root read-only and the data disk as virtio disks, user-mode networking with the API port forwarded to the guest's
 * bridge port on loopback, the home directory shared over 9p at the same path, the serial console into a file, QMP
 * and two virtio consoles (a shell, and init's control channel) on unix sockets, a balloon that hands free guest memory
 * back, and the VM's token through fw_cfg, which only root in the guest can read.
 *
 * @param binary the QEMU program ({@code qemu-system-x86_64}, {@code qemu-system-aarch64})
 */
public record QemuCommand(String binary, List<String> args) {

    /** The command for {@code spec}. */
    public static QemuCommand of(VmSpec spec) {
        boolean arm = spec.assets().arch().equals("aarch64");
        List<String> a = new ArrayList<>();
        a.addAll(List.of("-name", "berth-" + spec.config().name() + ",process=berth-vm-" + spec.config().name()));
        if (arm) {
            a.addAll(List.of("-machine", "virt,gic-version=max"));
        } else {
            a.addAll(List.of("-machine", "q35"));
        }
        Accelerator accel = spec.accelerator();
        // TCG's translation cache defaults to 1 GiB of host memory; 128 MiB keeps an idle VM small at little cost in speed.
        a.addAll(List.of("-accel", accel == Accelerator.TCG ? "tcg,thread=multi,tb-size=128" : accel.qemuName()));
        a.addAll(List.of("-cpu", accel == Accelerator.TCG ? "max" : "host"));
        a.addAll(List.of("-smp", Integer.toString(spec.config().cpus()), "-m", spec.config().memoryMiB() + "M"));
        a.addAll(List.of("-nodefaults", "-no-user-config", "-display", "none", "-no-reboot"));
        a.addAll(List.of("-kernel", spec.assets().kernel().toString(), "-initrd", spec.assets().initrd().toString()));
        a.addAll(List.of("-append", spec.kernelCommandLine(arm ? "ttyAMA0" : "ttyS0")));
        a.addAll(List.of("-drive", "if=none,id=root,format=raw,readonly=on,file=" + spec.assets().rootfs(),
                "-device", "virtio-blk-pci,drive=root,serial=berth-root"));
        a.addAll(List.of("-drive", "if=none,id=data,format=raw,discard=unmap,file=" + spec.paths().dataDisk(),
                "-device", "virtio-blk-pci,drive=data,serial=berth-data"));
        a.addAll(List.of("-netdev",
                "user,id=net0,hostfwd=tcp:127.0.0.1:" + spec.apiHostPort() + "-:" + VmSpec.GUEST_API_PORT,
                "-device", "virtio-net-pci,netdev=net0"));
        if (spec.homeShare() != null) {
            a.addAll(List.of("-virtfs",
                    "local,path=" + spec.homeShare() + ",mount_tag=home,security_model=none,id=home"));
        }
        a.addAll(List.of("-chardev", "file,id=console,path=" + spec.paths().consoleLog(),
                "-serial", "chardev:console"));
        a.addAll(List.of("-qmp", "unix:" + spec.paths().qmpSocket() + ",server=on,wait=off"));
        a.addAll(List.of("-device", "virtio-serial-pci",
                "-chardev", "socket,id=shell,path=" + spec.paths().shellSocket() + ",server=on,wait=off",
                "-device", "virtconsole,chardev=shell,name=berth.shell",
                "-chardev", "socket,id=control,path=" + spec.paths().controlSocket() + ",server=on,wait=off",
                "-device", "virtserialport,chardev=control,name=berth.control"));
        a.addAll(List.of("-device", "virtio-balloon-pci,free-page-reporting=on", "-device", "virtio-rng-pci"));
        a.addAll(List.of("-fw_cfg", "name=opt/berth/token,file=" + spec.paths().token()));
        a.addAll(List.of("-rtc", "base=utc,clock=host"));
        a.addAll(List.of("-pidfile", spec.paths().qemuPidFile().toString()));
        return new QemuCommand(arm ? "qemu-system-aarch64" : "qemu-system-x86_64", List.copyOf(a));
    }

    /** The whole command, program first. */
    public List<String> argv() {
        List<String> out = new ArrayList<>();
        out.add(binary);
        out.addAll(args);
        return out;
    }
}
