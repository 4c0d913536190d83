package dev.berth.machine.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Published ports become host forwards when a container starts and go when it stops, from the engine's own answers. */
class PortForwardsTest {
    private static final String TOKEN = "c".repeat(64);

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final PortForwards.Mapper mapper = new PortForwards.Mapper() {
        @Override
        public Optional<String> forward(String proto, int hostPort, int guestPort) {
            calls.add("add " + proto + " " + hostPort + "->" + guestPort);
            return hostPort == 22 ? Optional.of("Could not set up host forwarding rule 'tcp:127.0.0.1:22-:22'")
                    : Optional.empty();
        }

        @Override
        public void unforward(String proto, int hostPort) {
            calls.add("remove " + proto + " " + hostPort);
        }
    };

    private static String inspect(String ports) {
        return "{\"NetworkSettings\":{\"Ports\":" + ports + "}}";
    }

    @Test
    void startAndDieEventsAddAndRemoveEachPublishedPortOnce() throws Exception {
        try (FakeGuest guest = new FakeGuest(TOKEN, true)) {
            // docker -p 8080:80 -p 5353:53/udp binds IPv4 and IPv6: one forward per port and protocol.
            guest.answers.put("/containers/abc/json",
                    inspect("{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"8080\"},"
                            + "{\"HostIp\":\"::\",\"HostPort\":\"8080\"}],\"53/udp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"5353\"}],\"443/tcp\":null}"));
            PortForwards forwards = new PortForwards(new GuestApi(GuestConnector.tcp("127.0.0.1", guest.port(), TOKEN)),
                    mapper, warnings::add);
            forwards.event("{\"status\":\"start\",\"id\":\"abc\",\"Type\":\"container\",\"Action\":\"start\"}");
            assertEquals(List.of("add tcp 8080->8080", "add udp 5353->5353"), calls);
            assertEquals(Set.of("8080/tcp", "5353/udp"), forwards.active());
            calls.clear();
            forwards.event("{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":\"abc\"}}");
            assertEquals(List.of("remove tcp 8080", "remove udp 5353"), calls);
            assertEquals(Set.of(), forwards.active());
        }
    }

    @Test
    void syncCatchesUpWithContainersThatStartedOrStoppedUnseen() throws Exception {
        try (FakeGuest guest = new FakeGuest(TOKEN, true)) {
            guest.answers.put("/containers/json", "[{\"Id\":\"one\"}]");
            guest.answers.put("/containers/one/json",
                    inspect("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"9090\"}]}"));
            guest.answers.put("/containers/gone/json",
                    inspect("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"9191\"}]}"));
            PortForwards forwards = new PortForwards(new GuestApi(GuestConnector.tcp("127.0.0.1", guest.port(), TOKEN)),
                    mapper, warnings::add);
            forwards.event("{\"status\":\"start\",\"id\":\"gone\"}");
            forwards.sync();
            assertEquals(Set.of("9090/tcp"), forwards.active());
            assertTrue(calls.contains("remove tcp 9191"), calls.toString());
        }
    }

    @Test
    void aPortTheHostCannotGiveIsAWarningNotAFailure() throws Exception {
        try (FakeGuest guest = new FakeGuest(TOKEN, true)) {
            guest.answers.put("/containers/ssh/json", inspect("{\"22/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"22\"}],"
                    + "\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8081\"}]}"));
            PortForwards forwards = new PortForwards(new GuestApi(GuestConnector.tcp("127.0.0.1", guest.port(), TOKEN)),
                    mapper, warnings::add);
            forwards.event("{\"status\":\"start\",\"id\":\"ssh\"}");
            assertEquals(Set.of("8081/tcp"), forwards.active());
            assertEquals(1, warnings.size());
            assertTrue(warnings.getFirst().contains("port 22/tcp") && warnings.getFirst().contains("Could not set up"),
                    warnings.toString());
        }
    }
}
