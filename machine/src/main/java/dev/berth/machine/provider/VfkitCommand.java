package dev.berth.machine.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * The vfkit command line (macOS, Apple's Virtualization framework) for a {@link VmSpec}: the same kernel, initramfs
 * and disks as under QEMU; the engine reached over virtio-vsock (vfkit listens on a host unix socket and connects to
 * the guest's vsock port, where a socat in the guest hands over to berthd's bridge); the home directory over
 * virtio-fs; the guest clock kept in step with {@code --timesync}; vfkit's REST socket to stop it.
 */
public record VfkitCommand(List<String> argv) {
    /** The guest vsock port of the engine, and of the clock sync. */
    static final int VSOCK_API_PORT = 2375;
    static final int VSOCK_TIMESYNC_PORT = 2376;

    public static VfkitCommand of(VmSpec spec, String vfkit) {
        List<String> a = new ArrayList<>(List.of(vfkit,
                "--cpus", Integer.toString(spec.config().cpus()),
                "--memory", Integer.toString(spec.config().memoryMiB()),
                "--bootloader", "linux,kernel=" + spec.assets().kernel() + ",initrd=" + spec.assets().initrd()
                        + ",cmdline=\"" + spec.kernelCommandLine("hvc0") + "\"",
                "--device", "virtio-blk,path=" + spec.assets().rootfs(),
                "--device", "virtio-blk,path=" + spec.paths().dataDisk(),
                "--device", "virtio-net,nat",
                "--device", "virtio-vsock,port=" + VSOCK_API_PORT + ",socketURL=" + apiSocket(spec) + ",listen",
                "--device", "virtio-serial,logFilePath=" + spec.paths().consoleLog(),
                "--device", "virtio-balloon",
                "--timesync", "vsockPort=" + VSOCK_TIMESYNC_PORT,
                "--restful-uri", "unix://" + spec.paths().dir().resolve("vfkit.sock")));
        if (spec.homeShare() != null) {
            a.addAll(List.of("--device", "virtio-fs,sharedDir=" + spec.homeShare() + ",mountTag=home"));
        }
        return new VfkitCommand(List.copyOf(a));
    }

    /** The host socket vfkit connects to the guest's engine port. */
    static java.nio.file.Path apiSocket(VmSpec spec) {
        return spec.paths().dir().resolve("api.sock");
    }
}
