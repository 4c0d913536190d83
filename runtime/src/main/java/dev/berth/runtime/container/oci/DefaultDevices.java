package dev.berth.runtime.container.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The device nodes and device-cgroup rules of a Docker container (moby oci/defaults.go and devices). */
final class DefaultDevices {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;

    private DefaultDevices() {}

    /** /dev/null, zero, full, random, urandom and tty, mode 0666 root:root. */
    static List<RuntimeSpec.Device> nodes() {
        return List.of(
                node("/dev/null", 1, 3), node("/dev/zero", 1, 5), node("/dev/full", 1, 7),
                node("/dev/random", 1, 8), node("/dev/urandom", 1, 9), node("/dev/tty", 5, 0));
    }

    /** Deny everything, then allow mknod of any device, the default nodes, ptys, the console and ptmx. */
    static List<RuntimeSpec.DeviceRule> rules() {
        List<RuntimeSpec.DeviceRule> rules = new ArrayList<>();
        rules.add(new RuntimeSpec.DeviceRule(false, "a", null, null, "rwm"));
        rules.add(new RuntimeSpec.DeviceRule(true, "c", null, null, "m"));
        rules.add(new RuntimeSpec.DeviceRule(true, "b", null, null, "m"));
        for (RuntimeSpec.Device d : nodes()) {
            rules.add(new RuntimeSpec.DeviceRule(true, "c", d.major(), d.minor(), "rwm"));
        }
        rules.add(new RuntimeSpec.DeviceRule(true, "c", 136L, null, "rwm")); // /dev/pts/*
        rules.add(new RuntimeSpec.DeviceRule(true, "c", 5L, 1L, "rwm")); // /dev/console
        rules.add(new RuntimeSpec.DeviceRule(true, "c", 5L, 2L, "rwm")); // /dev/ptmx
        rules.add(new RuntimeSpec.DeviceRule(true, "c", 10L, 200L, "rwm")); // /dev/net/tun
        return rules;
    }

    /** A privileged container may use every device. */
    static List<RuntimeSpec.DeviceRule> allowAll() {
        return List.of(new RuntimeSpec.DeviceRule(true, "a", null, null, "rwm"));
    }

    /** Every character and block device of the host's /dev, as `--privileged` exposes them (moby HostDevices). */
    static List<RuntimeSpec.Device> hostDevices() {
        List<RuntimeSpec.Device> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("/dev"))) {
            walk.forEach(p -> hostDevice(p, out));
        } catch (IOException | RuntimeException e) {
            // a device vanishing while we walk only makes the list shorter
        }
        return out;
    }

    private static void hostDevice(Path p, List<RuntimeSpec.Device> out) {
        String s = p.toString();
        // /dev/pts and /dev/shm are the container's own; /dev/console is set up by the runtime.
        if (s.startsWith("/dev/pts") || s.startsWith("/dev/shm") || s.startsWith("/dev/mqueue")
                || s.equals("/dev/console")) {
            return;
        }
        try {
            if (Files.isSymbolicLink(p)) {
                return;
            }
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            int fmt = mode & S_IFMT;
            if (fmt != S_IFCHR && fmt != S_IFBLK) {
                return;
            }
            long rdev = (Long) Files.getAttribute(p, "unix:rdev");
            // glibc's major()/minor() encoding of dev_t
            long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
            long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
            int uid = (Integer) Files.getAttribute(p, "unix:uid");
            int gid = (Integer) Files.getAttribute(p, "unix:gid");
            out.add(new RuntimeSpec.Device(s, fmt == S_IFCHR ? "c" : "b", major, minor, mode & 07777, (long) uid,
                    (long) gid));
        } catch (IOException | RuntimeException e) {
            // unreadable node: skip it
        }
    }

    private static RuntimeSpec.Device node(String path, long major, long minor) {
        return new RuntimeSpec.Device(path, "c", major, minor, 0666, 0L, 0L);
    }
}
