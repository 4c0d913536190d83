package dev.berth.runtime.fuzz;

import dev.berth.runtime.daemon.DaemonArgs;
import dev.berth.runtime.daemon.ConfigLoader;
import dev.berth.runtime.daemon.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** daemon.json as a person edits it: berthd either starts with it or says what is wrong, as a StartupException. */
class DaemonJsonFuzzTest {
    @Provide
    Arbitrary<String> configs() {
        return Hostile.jsonish("hosts", "data-root", "debug", "tls", "tlsverify", "tlscert", "bip",
                "default-address-pools", "base", "size", "max-concurrent-downloads", "insecure-registries",
                "unix:///tmp/x.sock", "tcp://0.0.0.0:2375", "/srv/b", "172.17.0.1/16");
    }

    @Property(seed = Fuzzing.SEED)
    void aConfigFileLoadsOrIsAStartupError(@ForAll("configs") String json) throws Exception {
        Path file = Files.createTempFile("berth-fuzz-daemon", ".json");
        try {
            Files.writeString(file, json);
            try {
                ConfigLoader.load(new DaemonArgs.Run(java.util.Map.of(), file.toString()), null);
            } catch (StartupException refused) {
                // berthd prints it and exits 1
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
