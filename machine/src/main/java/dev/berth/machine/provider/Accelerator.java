package dev.berth.machine.provider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How QEMU runs the guest's CPU: a hypervisor (KVM on Linux, HVF on macOS, WHPX on Windows) when the host offers one,
 * else TCG, QEMU's own translator (slower, always there). A hypervisor that is present does not always work — on some
 * cloud machines {@code /dev/kvm} exists and guests hang — so a boot that shows no sign of life in time is retried
 * under TCG ({@link #fallback()}), and the person is told.
 */
public enum Accelerator {
    KVM("kvm"), HVF("hvf"), WHPX("whpx"), TCG("tcg");

    private final String qemuName;

    Accelerator(String qemuName) {
        this.qemuName = qemuName;
    }

    /** The name QEMU's {@code -accel} takes. */
    public String qemuName() {
        return qemuName;
    }

    public boolean hardware() {
        return this != TCG;
    }

    /** What to try after this one failed: TCG. */
    public Accelerator fallback() {
        return TCG;
    }

    /** The hypervisor this host seems to offer ({@code osName} as in {@code os.name}), else TCG. */
    public static Accelerator detect(String osName, Path devKvm) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return HVF;
        }
        if (os.contains("win")) {
            return WHPX;
        }
        return Files.isReadable(devKvm) && Files.isWritable(devKvm) ? KVM : TCG;
    }

    /** {@code BERTH_VM_ACCEL=tcg|kvm|hvf|whpx} overrides detection (a machine where KVM is known to hang). */
    public static Accelerator choose(java.util.Map<String, String> env) {
        String forced = env.getOrDefault("BERTH_VM_ACCEL", "");
        if (!forced.isBlank()) {
            return valueOf(forced.strip().toUpperCase(Locale.ROOT));
        }
        return detect(System.getProperty("os.name"), Path.of("/dev/kvm"));
    }
}
