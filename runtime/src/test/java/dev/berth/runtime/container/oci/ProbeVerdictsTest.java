package dev.berth.runtime.container.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runtime is probed once per boot and binary: a restarted engine reads the verdict, a changed binary is probed. */
class ProbeVerdictsTest {
    @TempDir
    Path dir;

    private OciRuntime runtime(Path binary) {
        Path state = dir.resolve("exec/runtime/crun");
        return (OciRuntime) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{OciRuntime.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> "crun";
                    case "binary" -> binary;
                    case "stateRoot" -> state;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theVerdictIsKeptUntilTheBinaryChanges() throws Exception {
        Path binary = Files.writeString(dir.resolve("crun"), "#!/bin/sh\n");
        AtomicInteger probes = new AtomicInteger();
        RuntimeUsability refused = RuntimeUsability.unusable("cgroups in hybrid mode not supported");
        assertEquals(refused, ProbeVerdicts.remembered(runtime(binary), () -> {
            probes.incrementAndGet();
            return refused;
        }));
        assertEquals(refused, ProbeVerdicts.remembered(runtime(binary), () -> {
            probes.incrementAndGet();
            return RuntimeUsability.ok();
        }), "a second engine start reads the kept verdict");
        assertEquals(1, probes.get());

        Files.setLastModifiedTime(binary, FileTime.fromMillis(Files.getLastModifiedTime(binary).toMillis() + 60_000));
        assertEquals(RuntimeUsability.ok(), ProbeVerdicts.remembered(runtime(binary), () -> {
            probes.incrementAndGet();
            return RuntimeUsability.ok();
        }), "an upgraded runtime is probed again");
        assertEquals(2, probes.get());
    }

    @Test
    void aMissingBinaryIsNeverKept() {
        AtomicInteger probes = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            ProbeVerdicts.remembered(runtime(dir.resolve("absent")), () -> {
                probes.incrementAndGet();
                return RuntimeUsability.unusable("not installed");
            });
        }
        assertEquals(2, probes.get());
    }
}
