package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** berthd started with dockerd's {@code --bip} and {@code --default-address-pool}: the default bridge and user networks follow them. */
class NetworkDaemonConfigIT {
    private static final String BIP = "10.193.7.1/24";

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("bip/busybox:1").withArgs("--bip", BIP,
            "--default-address-pool", "base=10.192.0.0/16,size=26");

    @AfterAll
    static void dropTheBipAddress() throws Exception {
        // The test engine put its bip on the shared default bridge; take it off again for the engines after it.
        new ProcessBuilder("ip", "addr", "del", BIP, "dev", "berth0").start().waitFor();
    }

    @Test
    void bipSetsTheDefaultBridgeAndPoolsTheUserNetworks() {
        String image = berthd.image();
        assertEquals(0, berthd.docker("pull", image).exitCode());

        assertEquals("10.193.7.0/24 10.193.7.1", berthd.docker("network", "inspect", "--format",
                "{{(index .IPAM.Config 0).Subnet}} {{(index .IPAM.Config 0).Gateway}}", "bridge").stdout().trim());
        CommandResult onBridge = berthd.docker("run", "--rm", image, "sh", "-c", "ip -4 -o addr show eth0; ip route");
        assertEquals(0, onBridge.exitCode(), onBridge.stderr());
        assertTrue(onBridge.stdout().contains("inet 10.193.7.2/24"), onBridge.stdout());
        assertTrue(onBridge.stdout().contains("default via 10.193.7.1"), onBridge.stdout());
        CommandResult ping = berthd.docker("run", "--rm", image, "ping", "-c", "1", "-W", "2", "10.193.7.1");
        assertEquals(0, ping.exitCode(), "the gateway answers: " + ping.stdout() + ping.stderr());

        for (String name : List.of("pool-a", "pool-b")) {
            assertEquals(0, berthd.docker("network", "create", name).exitCode());
        }
        assertEquals("10.192.0.0/26", subnetOf("pool-a"));
        assertEquals("10.192.0.64/26", subnetOf("pool-b"));
        CommandResult onUser = berthd.docker("run", "--rm", "--network", "pool-b", image, "ip", "-4", "-o", "addr",
                "show", "eth0");
        assertTrue(onUser.stdout().contains("inet 10.192.0.66/26"), onUser.stdout() + onUser.stderr());
        // An explicit subnet still wins over the pools.
        assertEquals(0, berthd.docker("network", "create", "--subnet", "10.191.3.0/24", "explicit").exitCode());
        assertEquals("10.191.3.0/24", subnetOf("explicit"));
        berthd.docker("network", "rm", "pool-a", "pool-b", "explicit");
    }

    private static String subnetOf(String network) {
        return berthd.docker("network", "inspect", "--format", "{{(index .IPAM.Config 0).Subnet}}", network).stdout()
                .trim();
    }
}
